import { diffFlows, parseFlow, type FlowDiff } from '@jornada/flow-engine';
import type { Api } from '../api/create-api.js';
import type { FlowDocumentJson } from '../api/types.js';

/** One side of a comparison: a published version, or the draft being edited. */
export type CompareSide = number | 'draft';

export type Comparison = { readonly ok: true; readonly diff: FlowDiff } | { readonly ok: false; readonly reason: string };

/**
 * The diff of two flow documents as stored (JSON), computed with the engine — the same
 * function the API's diff route uses. A document that does not parse names its first problem.
 */
export function diffDocuments(before: FlowDocumentJson, after: FlowDocumentJson): Comparison {
  const parsedBefore = parseFlow(before);
  const parsedAfter = parseFlow(after);
  for (const parsed of [parsedBefore, parsedAfter]) {
    if (!parsed.ok) {
      const first = parsed.errors[0];
      return { ok: false, reason: first === undefined ? 'invalid document' : `${first.path || '(root)'}: ${first.message}` };
    }
  }
  if (!parsedBefore.ok || !parsedAfter.ok) return { ok: false, reason: 'invalid document' };
  return { ok: true, diff: diffFlows(parsedBefore.flow, parsedAfter.flow) };
}

/** What changed from `from` to `to`: the API's diff for two versions, the engine's with the draft. */
export async function loadComparison({ api, flowId, from, to }: { api: Api; flowId: string; from: CompareSide; to: CompareSide }): Promise<Comparison> {
  if (from !== 'draft' && to !== 'draft') return { ok: true, diff: (await api.flows.diff(flowId, { from, to })).diff };
  const documentOf = async (side: CompareSide): Promise<FlowDocumentJson> =>
    side === 'draft' ? (await api.flows.get(flowId)).document : (await api.flows.version(flowId, side)).document;
  const [before, after] = await Promise.all([documentOf(from), documentOf(to)]);
  return diffDocuments(before, after);
}
