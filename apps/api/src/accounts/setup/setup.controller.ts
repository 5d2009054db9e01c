import { Body, Controller, Get, Header, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ApiError } from '../../http/api-error.js';
import { ErrorResponseDto } from '../../http/error-body.js';
import { SessionDto, toSessionDto } from '../account/account.dto.js';
import { isSecureRequest, writeSessionCookie } from '../sessions/session-cookie.js';
import { SessionIssuer } from '../sessions/session-issuer.js';
import { BootstrapFirstOwnerUseCase } from './bootstrap-first-owner.use-case.js';
import { SetupDto, SetupStatusDto } from './setup.dto.js';

/** The first-run sign-up, open only while the installation has no account. */
@ApiTags('auth')
@Public()
@Controller('auth/setup')
export class SetupController {
  constructor(
    private readonly bootstrap: BootstrapFirstOwnerUseCase,
    private readonly sessions: SessionIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Whether the installation still needs its first owner (first-run sign-up).' })
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { needsSetup: await this.bootstrap.needsSetup() };
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Create the first owner and their workspace, and sign them in. Only while no account exists (then 409). ' +
      'A workspace that exists without members (the seeded demo) becomes theirs instead of a new one.',
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`already_set_up`: an account exists; sign in instead.' })
  async setup(@Body() body: SetupDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const result = await this.bootstrap.execute({
      email: body.email,
      password: body.password,
      name: body.name,
      workspace: { name: body.workspaceName, timezone: body.timezone, locale: body.locale },
    });
    if (result.status === 'already_set_up') {
      throw new ApiError({ status: 409, code: 'already_set_up', message: 'Jornada is already set up: sign in, or ask an owner for an invitation.' });
    }
    const session = await this.sessions.start({ userId: result.user.id, workspaceId: result.workspaceId ?? undefined });
    writeSessionCookie(response, session.token, isSecureRequest(request, this.config.production));
    return toSessionDto(result.user, session);
  }
}
