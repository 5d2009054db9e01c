import { toText } from './coerce.js';
import { evaluateNode } from './evaluate.js';
import { FILTERS, isFilterName } from './filters.js';
import { parseTemplate } from './parse-template.js';
import type { FormatEnv, Scope, Template, TemplatePart, Value } from './types.js';

/**
 * Renders a template (parsed, or source text) to the text a customer will read. Never
 * throws. Missing values render as '', arrays as "a, b", objects as '' (never
 * `[object Object]`), numbers as `String(n)` unless a `number`/`currency` filter formats
 * them. Source text with a syntax error is returned unchanged; a placeholder that fails
 * at run time renders as '' without affecting the rest.
 */
export function renderTemplate(template: Template | string, scope: Scope, env: FormatEnv): string {
  if (typeof template === 'string') {
    // Plain text is by far the most common message: skip parsing entirely.
    if (!template.includes('{{')) return template;
    const parsed = parseTemplate(template);
    return parsed.ok ? renderParts(parsed.value, scope, env, template) : template;
  }
  return renderParts(template, scope, env, '');
}

function renderParts(template: Template, scope: Scope, env: FormatEnv, fallback: string): string {
  try {
    let output = '';
    for (const part of template.parts) {
      output += part.kind === 'text' ? part.text : renderPlaceholder(part, scope, env);
    }
    return output;
  } catch {
    // Only a malformed hand-built Template gets here.
    return fallback;
  }
}

function renderPlaceholder(part: Extract<TemplatePart, { kind: 'expr' }>, scope: Scope, env: FormatEnv): string {
  try {
    let value: Value = evaluateNode(part.expr, scope, env);
    for (const filter of part.filters) {
      if (!isFilterName(filter.name)) return '';
      const args = filter.args.map((arg) => evaluateNode(arg, scope, env));
      value = FILTERS[filter.name].apply(value, args, env);
    }
    return toText(value);
  } catch {
    return '';
  }
}
