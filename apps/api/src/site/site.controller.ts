import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { readDocPage } from './docs-pages.js';
import { renderLandingPage } from './landing-page.js';
import { SitePaths } from './site-paths.js';

/** The landing page has no script and loads nothing from elsewhere. */
const LANDING_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * What is served outside `/api`: the built builder's index page at `/` when there is one,
 * else the landing page; and the repository's docs as plain text at `/docs/<slug>`.
 */
@Public()
@ApiExcludeController()
@Controller()
export class SiteController {
  constructor(private readonly paths: SitePaths) {}

  @Get()
  home(@Res() response: Response): void {
    if (this.paths.builderIndex !== undefined) {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(this.paths.builderIndex);
      return;
    }
    response
      .status(200)
      .setHeader('Content-Security-Policy', LANDING_CSP)
      .setHeader('Cache-Control', 'no-cache')
      .type('html')
      .send(renderLandingPage({ schemaVersion: CURRENT_SCHEMA_VERSION }));
  }

  @Get('docs/:slug')
  @Header('Cache-Control', 'no-cache')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async doc(@Param('slug') slug: string): Promise<string> {
    const text = this.paths.docsRoot === undefined ? undefined : await readDocPage(this.paths.docsRoot, slug);
    if (text === undefined) throw new NotFoundException(`No document "${slug}". The Jornada landing page is at /.`);
    return text;
  }
}
