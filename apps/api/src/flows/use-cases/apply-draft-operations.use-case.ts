import { Injectable } from '@nestjs/common';
import { applyOperations, lint, parseFlow, readFlowOperations } from '@jornada/flow-engine';
import { ApiError } from '../../http/api-error.js';
import { explainRefusedWrite } from '../draft-conflict.js';
import type { DraftSavedDto } from '../dto/flow-responses.dto.js';
import { readStoredDocument, toStoredDocument } from '../flow-document.js';
import { draftConflict, flowNotFound } from '../flow-errors.js';
import { toIssues } from '../flow-views.js';
import { FlowRepository } from '../flow.repository.js';

export interface ApplyDraftOperationsCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  /** The draftRevision the operations were made on. */
  readonly revision: number;
  /** Untrusted: read with readFlowOperations. */
  readonly operations: readonly unknown[];
}

/**
 * Applies the builder's typed operations to the stored draft with the engine's reducer, the
 * same function the builder ran optimistically, and stores the result as the next revision.
 * Malformed operations are a 400; an operation the reducer refuses is a 422 naming it; a
 * stale revision (or a concurrent writer that got there first) is the 409 of draft saves.
 */
@Injectable()
export class ApplyDraftOperationsUseCase {
  constructor(private readonly flows: FlowRepository) {}

  async execute(command: ApplyDraftOperationsCommand): Promise<DraftSavedDto> {
    const read = readFlowOperations(command.operations);
    if (!read.ok) {
      const details = read.errors.map((error) => ({ field: error.path === '' ? 'operations' : `operations.${error.path}`, message: error.message }));
      throw new ApiError({
        status: 400,
        code: 'validation_failed',
        message: details.length === 1 ? `Invalid request: ${details[0]?.field ?? ''}: ${details[0]?.message ?? ''}` : `Invalid request: ${String(details.length)} problems.`,
        details,
      });
    }

    const { workspaceId, flowId: id, revision } = command;
    const flow = await this.flows.findById({ workspaceId, id });
    if (flow === null) throw flowNotFound(id);
    if (flow.draftRevision !== revision) throw draftConflict({ revision: flow.draftRevision, document: flow.draft, updatedAt: flow.updatedAt }, revision);
    const before = readStoredDocument(flow.draft);
    if (before === null) {
      throw new ApiError({
        status: 422,
        code: 'invalid_flow_document',
        message: 'The stored draft cannot be read by this version of Jornada; open it in the editor and save it whole (PUT /draft) instead.',
      });
    }

    const applied = applyOperations(before, read.operations);
    if (!applied.ok) {
      const { code, message, path, operationIndex, elementId } = applied.error;
      const field = `operations.${String(operationIndex ?? 0)}${path === undefined ? '' : `.${path}`}`;
      throw new ApiError({
        status: 422,
        code: 'operation_refused',
        message: `Operation ${String(operationIndex ?? 0)} was refused: ${message} Nothing was saved.`,
        details: [{ field, message }],
        meta: { operationIndex: operationIndex ?? 0, reason: code, ...(path === undefined ? {} : { path }), ...(elementId === undefined ? {} : { elementId }) },
      });
    }

    // The reducer checks what it changes; parsing the whole result keeps the promise that a
    // stored draft always parses, whatever the draft held before.
    const parsed = parseFlow(applied.document);
    if (!parsed.ok) {
      throw new ApiError({
        status: 422,
        code: 'invalid_flow_document',
        message: `The draft would not be valid after these operations: ${parsed.errors[0]?.path ?? ''}: ${parsed.errors[0]?.message ?? ''}`,
        details: parsed.errors.map((error) => ({ field: `document.${error.path}`, message: error.message })),
      });
    }

    const draft = toStoredDocument(parsed.flow);
    const saved = await this.flows.writeDraft({
      workspaceId,
      id,
      expectedRevision: revision,
      draft,
      name: parsed.flow.name,
      description: parsed.flow.description ?? '',
    });
    if (saved === null) throw await explainRefusedWrite(this.flows, { workspaceId, id, sentRevision: revision });
    return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString(), document: draft, issues: toIssues(lint(parsed.flow)) };
  }
}
