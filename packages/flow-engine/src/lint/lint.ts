import type { FlowDocument } from '../schema/flow-document.schema.js';
import { hasErrors, issue, type LintIssue } from './issue.js';
import { lintChannelLimits } from './lint-channel-limits.js';
import { buildContext, type LintContext } from './lint-context.js';
import { checkDocument } from './lint-document.js';
import { lintLoops } from './lint-loops.js';
import { lintDeadEnds, lintTimeouts } from './lint-outputs.js';
import { lintReachability } from './lint-reachability.js';
import { lintStructure } from './lint-structure.js';
import { lintVariables } from './lint-variables.js';
import { lintWhatsAppWindow } from './lint-whatsapp-window.js';

export { hasErrors };

type Rule = (ctx: LintContext) => LintIssue[];

/** In the order the builder lists them: blocking problems first, then advice. */
const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['structure', lintStructure],
  ['loops', lintLoops],
  ['variables', (ctx) => lintVariables(ctx.flow)],
  ['channel limits', (ctx) => lintChannelLimits(ctx.flow)],
  ['reachability', lintReachability],
  ['dead ends', lintDeadEnds],
  ['timeouts', lintTimeouts],
  ['WhatsApp window', lintWhatsAppWindow],
];

/**
 * Checks a flow document before it is published and reports what would break or surprise.
 *
 * The input is untrusted JSON (the builder's draft, an import, an API call). It is first
 * validated against the flow schema; when that fails, only the schema problems come back
 * (`invalid_document` / `invalid_config`), since the other rules need a well-formed flow.
 * Otherwise every rule runs: issues with severity `error` block publishing (see
 * {@link hasErrors}), `warning`s are advice.
 *
 * Pure and total: never throws, whatever it is given.
 *
 * @param input - A flow document, as parsed JSON (schema version 1).
 * @returns The issues found, errors and warnings mixed, in a stable order; `[]` for a clean flow.
 */
export function lint(input: unknown): LintIssue[] {
  let flow: FlowDocument;
  try {
    const checked = checkDocument(input);
    if (!checked.ok) return checked.issues;
    flow = checked.flow;
  } catch {
    // Only input the schema cannot even walk gets here (e.g. a cycle through a JSON value).
    return [issue('invalid_document', 'The flow document could not be read: it is not plain JSON data.')];
  }
  let ctx: LintContext;
  try {
    ctx = buildContext(flow);
  } catch {
    return [failed('structure')];
  }
  const issues: LintIssue[] = [];
  for (const [name, rule] of RULES) {
    // One faulty rule must not hide the others' findings, nor let publishing through.
    try {
      issues.push(...rule(ctx));
    } catch {
      issues.push(failed(name));
    }
  }
  return issues;
}

function failed(rule: string): LintIssue {
  return issue('lint_failed', `The ${rule} check could not run on this flow. Please report this problem.`, { params: { rule } });
}
