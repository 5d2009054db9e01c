import { Injectable } from '@nestjs/common';
import { parseFlowDocumentOrThrow, toStoredDocument } from '../flow-document.js';
import { FlowRepository, type FlowRecord } from '../flow.repository.js';

export interface ImportFlowCommand {
  readonly workspaceId: string;
  readonly document: Record<string, unknown>;
  readonly name?: string | undefined;
}

/**
 * A new draft flow from an exported document. parseFlow migrates older schema versions (an
 * early v0 export included) and validates; anything unreadable is a 400 naming the path, and
 * nothing is written.
 */
@Injectable()
export class ImportFlowUseCase {
  constructor(private readonly flows: FlowRepository) {}

  async execute(command: ImportFlowCommand): Promise<{ flow: FlowRecord; migratedFrom?: number }> {
    const input = command.name === undefined ? command.document : { ...command.document, name: command.name };
    const { flow: document, migratedFrom } = parseFlowDocumentOrThrow(input);
    const flow = await this.flows.insert({
      workspaceId: command.workspaceId,
      name: document.name,
      description: document.description ?? '',
      draft: toStoredDocument(document),
    });
    return migratedFrom === undefined ? { flow } : { flow, migratedFrom };
  }
}
