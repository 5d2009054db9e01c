import type { FlowNode, LintIssue } from '@jornada/flow-engine';
import type { Translate } from '../../i18n/index.js';

/** Outputs every node type may have, in words ('timeout' → "No reply in time"). */
const BUILT_IN_OUTPUTS = [
  'next',
  'other',
  'timeout',
  'invalid',
  'else',
  'reply',
  'received',
  'success',
  'error',
  'resolved',
  'returned',
  'detractor',
  'passive',
  'promoter',
  'negative',
  'neutral',
  'positive',
  'difficult',
  'easy',
] as const;

function isBuiltIn(handle: string): handle is (typeof BUILT_IN_OUTPUTS)[number] {
  return (BUILT_IN_OUTPUTS as readonly string[]).includes(handle);
}

/** What a marketer calls an output: a button's title, a branch's name, "No reply in time". */
export function outputName(node: FlowNode | undefined, handle: string, t: Translate): string {
  if (isBuiltIn(handle)) return t(`inspector.output.${handle}`);
  const choices: { id: string; name?: string | undefined }[] = [];
  if (node !== undefined) {
    switch (node.type) {
      case 'message':
        choices.push(...(node.data.buttons ?? []).map((b) => ({ id: b.id, name: b.title })));
        choices.push(...(node.data.list?.sections ?? []).flatMap((s) => s.rows.map((r) => ({ id: r.id, name: r.title }))));
        break;
      case 'question':
        choices.push(...(node.data.options ?? []).map((o) => ({ id: o.id, name: o.title })));
        break;
      case 'condition':
        choices.push(...node.data.branches.map((b) => ({ id: b.id, name: b.label })));
        break;
      case 'ab_split':
        choices.push(...node.data.variants.map((v) => ({ id: v.id, name: v.label })));
        break;
      case 'whatsapp_template':
        choices.push(...(node.data.quickReplies ?? []).map((q) => ({ id: q.id, name: q.title })));
        break;
      default:
    }
  }
  return choices.find((choice) => choice.id === handle)?.name?.trim() || handle;
}

const param = (issue: LintIssue, name: string): string => String(issue.params?.[name] ?? '');
const count = (issue: LintIssue, name: string): number => Number(issue.params?.[name] ?? 0);

/**
 * A lint issue in the builder's language, written for the panel of the element it is about (so
 * it does not name that element again). Codes are the engine's stable contract; an unknown code
 * falls back to the engine's English message.
 */
export function issueText(issue: LintIssue, node: FlowNode | undefined, t: Translate): string {
  const output = issue.handle === undefined ? '' : outputName(node, issue.handle, t);
  switch (issue.code) {
    case 'invalid_config':
    case 'invalid_document':
      return t('inspector.lint.invalid', { error: param(issue, 'error') });
    case 'lint_failed':
      return t('inspector.lint.lint_failed');
    case 'no_trigger':
      return t('inspector.lint.no_trigger');
    case 'trigger_not_connected':
      return t('inspector.lint.trigger_not_connected');
    case 'duplicate_id':
      return t('inspector.lint.duplicate_id', { id: param(issue, 'id') });
    case 'edge_missing_node':
      return t('inspector.lint.edge_missing_node', { id: param(issue, 'id') });
    case 'edge_missing_handle':
      return t('inspector.lint.edge_missing_handle', { output });
    case 'duplicate_output':
      return t('inspector.lint.duplicate_output', { output });
    case 'invalid_regex':
      return t('inspector.lint.invalid_regex', { error: param(issue, 'error') });
    case 'loop_without_wait':
      return t('inspector.lint.loop_without_wait');
    case 'undefined_variable':
      return t('inspector.lint.undefined_variable', { name: param(issue, 'name') });
    case 'expression_syntax':
    case 'template_syntax':
      return t('inspector.lint.syntax', { error: param(issue, 'error') });
    case 'whatsapp_too_many_buttons':
      return t('inspector.lint.whatsapp_too_many_buttons', { count: count(issue, 'count'), max: count(issue, 'max') });
    case 'whatsapp_button_title_too_long':
    case 'whatsapp_list_row_title_too_long':
      return t('inspector.lint.whatsapp_title_too_long', { title: param(issue, 'title'), length: count(issue, 'length'), max: count(issue, 'max') });
    case 'whatsapp_list_too_many_rows':
      return t('inspector.lint.whatsapp_list_too_many_rows', { count: count(issue, 'count'), max: count(issue, 'max') });
    case 'whatsapp_text_too_long':
      return t('inspector.lint.whatsapp_text_too_long', { length: count(issue, 'length'), max: count(issue, 'max') });
    case 'unreachable_node':
      return t('inspector.lint.unreachable_node');
    case 'dead_end':
      return t('inspector.lint.dead_end', { output });
    case 'question_without_timeout':
      return issue.handle === undefined ? t('inspector.lint.no_timeout') : t('inspector.lint.timeout_not_connected');
    case 'whatsapp_window':
      return t('inspector.lint.whatsapp_window', { hours: count(issue, 'hours') || 24 });
    default:
      return issue.message;
  }
}
