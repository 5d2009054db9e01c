import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { ApplyOperationsDto, SaveDraftDto } from './dto/flow-requests.dto.js';
import { DraftSavedDto } from './dto/flow-responses.dto.js';
import { GetFlowQuery } from './queries/get-flow.query.js';
import { ApplyDraftOperationsUseCase } from './use-cases/apply-draft-operations.use-case.js';
import { SaveDraftUseCase } from './use-cases/save-draft.use-case.js';

/** The draft being edited: save whole or as operations, with optimistic concurrency; export as a file. */
@ApiTags('flows')
@Controller('flows')
export class FlowDraftsController {
  constructor(
    private readonly saveDraft: SaveDraftUseCase,
    private readonly applyDraftOperations: ApplyDraftOperationsUseCase,
    private readonly getFlow: GetFlowQuery,
  ) {}

  @Put(':id/draft')
  @Permission('flows.write')
  @ApiOperation({
    summary: 'Save the draft. 409 draft_conflict (with the current draft in error.meta.current) when `revision` is stale; lint issues do not block.',
  })
  @ApiOkResponse({ type: DraftSavedDto })
  save(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: SaveDraftDto): Promise<DraftSavedDto> {
    return this.saveDraft.execute({ workspaceId: principal.workspaceId, flowId: id, document: body.document, revision: body.revision });
  }

  @Post(':id/draft/operations')
  @HttpCode(200)
  @Permission('flows.write')
  @ApiOperation({
    summary:
      'Apply typed operations (1-500, all or none) to the draft, as the builder did. 400 validation_failed for malformed operations, ' +
      '422 operation_refused (error.meta: operationIndex, reason, path, elementId) when one cannot apply, 409 draft_conflict when `revision` is stale.',
  })
  @ApiOkResponse({ type: DraftSavedDto })
  applyOperations(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: ApplyOperationsDto): Promise<DraftSavedDto> {
    return this.applyDraftOperations.execute({ workspaceId: principal.workspaceId, flowId: id, revision: body.revision, operations: body.operations });
  }

  @Permission('flows.read')
  @Get(':id/export')
  @ApiOperation({ summary: 'The draft as a downloadable JSON file (with its schemaVersion), for POST /api/flows/import.' })
  @ApiProduces('application/json')
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  async export(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const flow = await this.getFlow.execute({ workspaceId: principal.workspaceId, flowId: id });
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${exportFileName(flow.name)}"`);
    response.setHeader('Cache-Control', 'no-store');
    return `${JSON.stringify(flow.draft, null, 2)}\n`;
  }
}

/** `Carrinho abandonado!` -> `carrinho-abandonado.flow.json`: ASCII only, safe in a header. */
export function exportFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug === '' ? 'flow' : slug}.flow.json`;
}
