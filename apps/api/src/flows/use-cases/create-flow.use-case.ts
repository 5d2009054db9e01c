import { Injectable } from '@nestjs/common';
import { ApiError } from '../../http/api-error.js';
import {
  blankFlowDocument,
  findTemplate,
  parseFlowDocumentOrThrow,
  templateDocument,
  toStoredDocument,
  withFlowMeta,
  type TemplateLocale,
} from '../flow-document.js';
import { FlowRepository, type FlowRecord } from '../flow.repository.js';
import { WorkspaceLocaleReader } from '../workspace-locale.reader.js';

export interface CreateFlowCommand {
  readonly workspaceId: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly templateId?: string | undefined;
  readonly locale?: TemplateLocale | undefined;
  readonly document?: Record<string, unknown> | undefined;
}

/**
 * A new flow in draft: blank (a valid manual start -> end), from a journey template in the
 * workspace's (or the asked) language, or from a given document (validated like a save).
 */
@Injectable()
export class CreateFlowUseCase {
  constructor(
    private readonly flows: FlowRepository,
    private readonly locales: WorkspaceLocaleReader,
  ) {}

  async execute(command: CreateFlowCommand): Promise<FlowRecord> {
    if (command.templateId !== undefined && command.document !== undefined) {
      throw new ApiError({
        status: 400,
        code: 'validation_failed',
        message: 'Invalid request: give templateId or document, not both.',
        details: [{ field: 'templateId', message: 'templateId and document cannot be used together' }],
      });
    }
    const meta = { name: command.name, description: command.description };
    let document;
    if (command.document !== undefined) {
      document = withFlowMeta(parseFlowDocumentOrThrow({ ...command.document, name: command.name }).flow, meta);
    } else if (command.templateId !== undefined) {
      const template = findTemplate(command.templateId);
      if (template === undefined) throw new ApiError({ status: 400, code: 'validation_failed', message: `Unknown template ${command.templateId}.`, details: [{ field: 'templateId', message: 'unknown template' }] });
      const locale = await this.locales.resolve(command.workspaceId, command.locale);
      document = withFlowMeta(templateDocument(template, locale), meta);
    } else {
      document = blankFlowDocument(meta);
    }
    return this.flows.insert({
      workspaceId: command.workspaceId,
      name: document.name,
      description: document.description ?? '',
      draft: toStoredDocument(document),
    });
  }
}
