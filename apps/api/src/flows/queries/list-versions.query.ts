import { Injectable } from '@nestjs/common';
import { diffFlows, summarizeDiff } from '@jornada/flow-engine';
import type { FlowVersionPageDto } from '../dto/flow-responses.dto.js';
import { readStoredDocument, type TemplateLocale } from '../flow-document.js';
import { FlowVersionRepository, type FlowVersionRecord } from '../flow-version.repository.js';
import { WorkspaceLocaleReader } from '../workspace-locale.reader.js';
import { GetFlowQuery } from './get-flow.query.js';
import { DEFAULT_PAGE_SIZE } from './list-flows.query.js';

const FIRST_VERSION = { 'pt-BR': 'Primeira versão publicada', en: 'First published version' } as const;

/** A flow's versions, newest first, each with what changed since the one before. */
@Injectable()
export class ListVersionsQuery {
  constructor(
    private readonly getFlow: GetFlowQuery,
    private readonly versions: FlowVersionRepository,
    private readonly locales: WorkspaceLocaleReader,
  ) {}

  async execute(query: { workspaceId: string; flowId: string; before?: number | undefined; limit?: number | undefined; locale?: TemplateLocale | undefined }): Promise<FlowVersionPageDto> {
    const flow = await this.getFlow.execute(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const locale = await this.locales.resolve(query.workspaceId, query.locale);
    // One row more than the page: the predecessor of its oldest version (for its summary), and
    // the sign that there is a next page.
    const rows = await this.versions.list({ workspaceId: query.workspaceId, flowId: flow.id, before: query.before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((version, index) => ({
        version: version.version,
        publishedAt: version.publishedAt.toISOString(),
        publishedBy: version.publishedBy,
        summary: summarize(rows[index + 1], version, locale),
      })),
      nextBefore: rows.length > limit ? (page.at(-1)?.version ?? null) : null,
    };
  }
}

function summarize(previous: FlowVersionRecord | undefined, version: FlowVersionRecord, locale: TemplateLocale): string[] {
  if (previous === undefined) return [FIRST_VERSION[locale]];
  const before = readStoredDocument(previous.document);
  const after = readStoredDocument(version.document);
  return before === null || after === null ? [] : summarizeDiff(diffFlows(before, after), locale);
}
