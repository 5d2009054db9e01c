import type { FlowDocument, FlowNode, LintIssue, Trigger } from '@jornada/flow-engine';
import type { IssueCount } from './projection.js';

/**
 * Lint issues as the problems panel and the canvas show them: each attached to the box to
 * focus, in the reader's language (by code, with the issue's params), errors first.
 */
export interface Problem {
  /** Stable within one lint run, for React keys. */
  readonly key: string;
  readonly issue: LintIssue;
  /** The node or trigger to select and centre (an edge's issue points at its source); null for the flow itself. */
  readonly targetId: string | null;
  readonly targetKind: 'node' | 'trigger' | null;
  readonly message: string;
}

/** Translation as problems need it: a key and its params, or null when the key is unknown. */
export type TranslateIssue = (key: string, params: Readonly<Record<string, string | number>>) => string | null;

type LintCode = LintIssue['code'];

/** The params each code's translation needs; an issue without them reads in English (its `message`). */
const NEEDS: Readonly<Record<LintCode, readonly string[]>> = {
  invalid_document: ['error'],
  invalid_config: ['error'],
  lint_failed: ['rule'],
  no_trigger: [],
  trigger_not_connected: [],
  duplicate_id: ['id'],
  edge_missing_node: ['id'],
  edge_missing_handle: ['handle'],
  duplicate_output: ['handle'],
  invalid_regex: ['pattern'],
  loop_without_wait: [],
  undefined_variable: ['field', 'name'],
  expression_syntax: ['field', 'error'],
  template_syntax: ['field', 'error'],
  whatsapp_too_many_buttons: ['count', 'max'],
  whatsapp_button_title_too_long: ['title', 'length', 'max'],
  whatsapp_list_too_many_rows: ['count', 'max'],
  whatsapp_list_row_title_too_long: ['title', 'length', 'max'],
  whatsapp_text_too_long: ['length', 'max'],
  unreachable_node: [],
  dead_end: ['handle'],
  question_without_timeout: [],
  whatsapp_window: ['hours'],
};

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(NEEDS));

/** The message key of an issue: one per code, with a variant where the engine words two cases. */
export function issueMessageKey(issue: LintIssue): string | null {
  if (!KNOWN_CODES.has(issue.code)) return null;
  if (issue.code === 'question_without_timeout' && issue.handle === 'timeout') return 'editor.lint.question_without_timeout.unconnected';
  if (issue.code === 'duplicate_id' && issue.edgeId !== undefined) return 'editor.lint.duplicate_id.edge';
  if (issue.code === 'duplicate_id' && issue.handle !== undefined) return 'editor.lint.duplicate_id.output';
  return `editor.lint.${issue.code}`;
}

/**
 * The issue in the reader's language. `outputName` turns a handle id (a button's id) into what
 * the marketer sees on the box (the button's title, or "Timeout").
 */
export function describeIssue(issue: LintIssue, translate: TranslateIssue, outputName: (nodeId: string | undefined, handle: string) => string = (_, handle) => handle): string {
  const key = issueMessageKey(issue);
  if (key === null) return issue.message;
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  if ((NEEDS[issue.code] ?? []).some((name) => params[name] === undefined)) return issue.message;
  if (typeof params['handle'] === 'string') params['handle'] = outputName(issue.nodeId, params['handle']);
  return translate(key, params) ?? issue.message;
}

/** Where an issue points: its node or trigger, else the source of its edge. */
export function issueTarget(issue: LintIssue, document: FlowDocument): { id: string; kind: 'node' | 'trigger' } | null {
  const triggerIds = new Set(document.triggers.map((trigger) => trigger.id));
  const id = issue.nodeId ?? (issue.edgeId === undefined ? undefined : document.edges.find((edge) => edge.id === issue.edgeId)?.source);
  if (id === undefined) return null;
  if (triggerIds.has(id)) return { id, kind: 'trigger' };
  return document.nodes.some((node) => node.id === id) ? { id, kind: 'node' } : null;
}

export function toProblems(issues: readonly LintIssue[], document: FlowDocument, translate: TranslateIssue, outputName?: (nodeId: string | undefined, handle: string) => string): Problem[] {
  const ordered = [...issues.filter((issue) => issue.severity === 'error'), ...issues.filter((issue) => issue.severity !== 'error')];
  return ordered.map((issue, index) => {
    const target = issueTarget(issue, document);
    return {
      key: `${String(index)}:${issue.code}:${issue.nodeId ?? issue.edgeId ?? ''}:${issue.handle ?? issue.path ?? ''}`,
      issue,
      targetId: target?.id ?? null,
      targetKind: target?.kind ?? null,
      message: describeIssue(issue, translate, outputName),
    };
  });
}

/** Errors and warnings per node or trigger, for the badges on the canvas. */
export function countIssues(issues: readonly LintIssue[], document: FlowDocument): Map<string, IssueCount> {
  const edgeSources = new Map(document.edges.map((edge) => [edge.id, edge.source]));
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const issue of issues) {
    const id = issue.nodeId ?? (issue.edgeId === undefined ? undefined : edgeSources.get(issue.edgeId));
    if (id === undefined) continue;
    const count = counts.get(id) ?? { errors: 0, warnings: 0 };
    if (issue.severity === 'error') count.errors += 1;
    else count.warnings += 1;
    counts.set(id, count);
  }
  return counts;
}

/** The element a problem names, for its heading in the panel. */
export function findElement(document: FlowDocument, id: string | null): FlowNode | Trigger | undefined {
  if (id === null) return undefined;
  return document.nodes.find((node) => node.id === id) ?? document.triggers.find((trigger) => trigger.id === id);
}
