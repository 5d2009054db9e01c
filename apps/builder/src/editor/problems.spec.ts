import { lint, type FlowDocument, type LintIssue } from '@jornada/flow-engine';
import { createTranslator } from '../i18n/index.js';
import { countIssues, describeIssue, issueMessageKey, toProblems, type TranslateIssue } from './problems.js';
import { templateDocument } from './test-documents.js';

const translateIn = (locale: 'en' | 'pt-BR'): TranslateIssue => {
  const { t } = createTranslator(locale);
  const loose = t as unknown as (key: string, params: Readonly<Record<string, string | number>>) => string;
  return (key, params) => {
    const text = loose(key, params);
    return text === key ? null : text;
  };
};

function broken(): FlowDocument {
  const document = templateDocument('cart-recovery');
  const [first] = document.nodes;
  if (first === undefined) throw new Error('template empty');
  // A dangling output (warning) and an unknown variable (error).
  return {
    ...document,
    edges: document.edges.filter((edge) => edge.source !== first.id),
    nodes: [...document.nodes, { id: 'extra', type: 'message', label: 'Coupon', data: { text: 'Use {{coupon}}' } }],
  };
}

describe('problems', () => {
  it('lists errors first, each attached to its box, translated by code', () => {
    const document = broken();
    const issues = lint(document);
    const problems = toProblems(issues, document, translateIn('en'));
    const severities = problems.map((problem) => problem.issue.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    const undefinedVariable = problems.find((problem) => problem.issue.code === 'undefined_variable');
    expect(undefinedVariable).toMatchObject({ targetId: 'extra', targetKind: 'node', message: 'The text uses “coupon”, which is not a variable of this flow.' });
    expect(new Set(problems.map((problem) => problem.key)).size).toBe(problems.length);
  });

  it('speaks Portuguese, with the params of the issue', () => {
    const document = broken();
    const problem = toProblems(lint(document), document, translateIn('pt-BR')).find((candidate) => candidate.issue.code === 'undefined_variable');
    expect(problem?.message).toBe('O campo text usa “coupon”, que não é uma variável deste fluxo.');
  });

  it('names outputs as the box shows them (a button title, "No reply in time")', () => {
    const issue: LintIssue = { code: 'dead_end', severity: 'warning', message: 'The "b1" output…', nodeId: 'n', handle: 'b1', params: { node: 'x', handle: 'b1' } };
    expect(describeIssue(issue, translateIn('en'), (_, handle) => (handle === 'b1' ? 'Yes, please' : handle))).toBe('The “Yes, please” output is not connected: the conversation ends there.');
  });

  it('falls back to the English message for an unknown code or missing params', () => {
    const unknown = { code: 'brand_new', severity: 'error', message: 'Something new.' } as unknown as LintIssue;
    expect(issueMessageKey(unknown)).toBeNull();
    expect(describeIssue(unknown, translateIn('pt-BR'))).toBe('Something new.');
    const missing: LintIssue = { code: 'dead_end', severity: 'warning', message: 'English words.', nodeId: 'n' };
    expect(describeIssue(missing, translateIn('pt-BR'))).toBe('English words.');
  });

  it('has a translation for every lint code the engine reports', () => {
    const codes = ['invalid_document', 'invalid_config', 'lint_failed', 'no_trigger', 'trigger_not_connected', 'duplicate_id', 'edge_missing_node', 'edge_missing_handle', 'duplicate_output', 'invalid_regex', 'loop_without_wait', 'undefined_variable', 'expression_syntax', 'template_syntax', 'whatsapp_too_many_buttons', 'whatsapp_button_title_too_long', 'whatsapp_list_too_many_rows', 'whatsapp_list_row_title_too_long', 'whatsapp_text_too_long', 'unreachable_node', 'dead_end', 'question_without_timeout', 'whatsapp_window'];
    const translate = translateIn('en');
    for (const code of codes) {
      const key = issueMessageKey({ code, severity: 'error', message: '' } as unknown as LintIssue);
      expect(key).not.toBeNull();
      expect(translate(key ?? '', { error: 'x', rule: 'x', id: 'x', handle: 'x', pattern: 'x', field: 'x', name: 'x', count: 1, max: 1, title: 'x', length: 1, hours: 24 })).not.toBeNull();
    }
  });

  it('counts errors and warnings per box; an edge issue counts on its source', () => {
    const document = templateDocument('cart-recovery');
    const edge = document.edges[0];
    if (edge === undefined) throw new Error('no edge');
    const issues: LintIssue[] = [
      { code: 'dead_end', severity: 'warning', message: '', nodeId: 'a' },
      { code: 'undefined_variable', severity: 'error', message: '', nodeId: 'a' },
      { code: 'duplicate_output', severity: 'error', message: '', edgeId: edge.id },
      { code: 'no_trigger', severity: 'error', message: '' },
    ];
    const counts = countIssues(issues, document);
    expect(counts.get('a')).toEqual({ errors: 1, warnings: 1 });
    expect(counts.get(edge.source)).toEqual({ errors: 1, warnings: 0 });
    expect(counts.size).toBe(2);
  });
});
