import { Injectable } from '@nestjs/common';
import { flowNotFound } from '../flow-errors.js';
import { renameStoredDocument } from '../flow-document.js';
import { FlowRepository, type FlowRecord } from '../flow.repository.js';
import { WorkspaceLocaleReader } from '../workspace-locale.reader.js';

export interface DuplicateFlowCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly name?: string | undefined;
}

const COPY_SUFFIX = { 'pt-BR': ' (cópia)', en: ' (copy)' } as const;

/** A new draft flow with a copy of another's draft; versions are not copied. */
@Injectable()
export class DuplicateFlowUseCase {
  constructor(
    private readonly flows: FlowRepository,
    private readonly locales: WorkspaceLocaleReader,
  ) {}

  async execute(command: DuplicateFlowCommand): Promise<FlowRecord> {
    const source = await this.flows.findById({ workspaceId: command.workspaceId, id: command.flowId });
    if (source === null) throw flowNotFound(command.flowId);
    const suffix = COPY_SUFFIX[await this.locales.resolve(command.workspaceId)];
    const name = command.name ?? `${source.name.slice(0, 200 - suffix.length)}${suffix}`;
    return this.flows.insert({
      workspaceId: command.workspaceId,
      name,
      description: source.description,
      draft: renameStoredDocument(source.draft, { name }),
    });
  }
}
