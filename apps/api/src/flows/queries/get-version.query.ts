import { Injectable } from '@nestjs/common';
import { diffFlows, summarizeDiff } from '@jornada/flow-engine';
import type { FlowVersionDiffDto } from '../dto/flow-responses.dto.js';
import { versionNotFound } from '../flow-errors.js';
import { readStoredDocument, type TemplateLocale } from '../flow-document.js';
import { FlowVersionRepository, type FlowVersionRecord } from '../flow-version.repository.js';
import { WorkspaceLocaleReader } from '../workspace-locale.reader.js';
import { GetFlowQuery } from './get-flow.query.js';

/** One published version of a flow, and the difference between two of them. */
@Injectable()
export class GetVersionQuery {
  constructor(
    private readonly getFlow: GetFlowQuery,
    private readonly versions: FlowVersionRepository,
    private readonly locales: WorkspaceLocaleReader,
  ) {}

  async execute({ workspaceId, flowId, version }: { workspaceId: string; flowId: string; version: string }): Promise<FlowVersionRecord> {
    const flow = await this.getFlow.execute({ workspaceId, flowId });
    const number = parseVersionNumber(version);
    const found = number === null ? null : await this.versions.find({ workspaceId, flowId: flow.id, version: number });
    if (found === null) throw versionNotFound(flowId, version);
    return found;
  }

  async diff(query: { workspaceId: string; flowId: string; from: string; to: string; locale?: TemplateLocale | undefined }): Promise<FlowVersionDiffDto> {
    const from = await this.execute({ ...query, version: query.from });
    const to = await this.execute({ ...query, version: query.to });
    const before = readStoredDocument(from.document);
    const after = readStoredDocument(to.document);
    if (before === null || after === null) throw versionNotFound(query.flowId, before === null ? query.from : query.to);
    const diff = diffFlows(before, after);
    const locale = await this.locales.resolve(query.workspaceId, query.locale);
    return { from: from.version, to: to.version, diff: diff as unknown as Record<string, unknown>, summary: summarizeDiff(diff, locale) };
  }
}

/** Version numbers in paths: positive whole numbers; anything else names no version (404). */
export function parseVersionNumber(text: string): number | null {
  if (!/^[1-9][0-9]{0,8}$/.test(text)) return null;
  return Number(text);
}
