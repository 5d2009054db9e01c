import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JOURNEY_TEMPLATES, flowDocumentJsonSchema } from '@jornada/flow-engine';
import { Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { LocaleQueryDto } from './dto/flow-requests.dto.js';
import { FlowTemplateListDto } from './dto/flow-responses.dto.js';
import { WorkspaceLocaleReader } from './workspace-locale.reader.js';

/** What flows are made of: the journey templates and the document's JSON Schema. */
@ApiTags('flows')
@Controller()
export class FlowCatalogController {
  /** Computed once: the schema is a constant of the running engine. */
  private readonly schema = flowDocumentJsonSchema();

  constructor(private readonly locales: WorkspaceLocaleReader) {}

  @Get('flow-templates')
  @ApiOperation({ summary: 'The three journey templates, in the requested or the workspace language.' })
  @ApiOkResponse({ type: FlowTemplateListDto })
  async templates(@Principal() principal: RequestPrincipal, @Query() query: LocaleQueryDto): Promise<FlowTemplateListDto> {
    const locale = await this.locales.resolve(principal.workspaceId, query.locale);
    return { items: JOURNEY_TEMPLATES.map((template) => ({ id: template.id, name: template.name[locale], description: template.description[locale], locale })) };
  }

  @Get('flow-schema')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'The JSON Schema of a flow document (the one the engine validates with).' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  flowSchema(): Record<string, unknown> {
    return this.schema;
  }
}
