import {
  evaluate,
  parseExpression,
  parseTemplate,
  renderTemplate,
  type Expr,
  type FormatEnv,
  type Scope,
  type Template,
  type Value,
} from '../expressions/index.js';

// Flows are stepped many thousands of times a second; parsing each template and expression
// once per distinct source keeps a step cheap. Bounded so a flood of distinct sources cannot
// grow memory without limit (sources come from flows, not from customers).
const MAX_ENTRIES = 10_000;
const templates = new Map<string, Template | null>();
const expressions = new Map<string, Expr | null>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** Renders a `{{...}}` template; text with a syntax error is sent as written (lint reports it). */
export function renderText(source: string, scope: Scope, env: FormatEnv): string {
  if (!source.includes('{{')) return source;
  let template = templates.get(source);
  if (template === undefined) {
    const parsed = parseTemplate(source);
    template = remember(templates, source, parsed.ok ? parsed.value : null);
  }
  return template ? renderTemplate(template, scope, env) : source;
}

/** Evaluates an expression; a syntax error evaluates to undefined (lint reports it). */
export function evaluateSource(source: string, scope: Scope, env: FormatEnv): Value {
  let expr = expressions.get(source);
  if (expr === undefined) {
    const parsed = parseExpression(source);
    expr = remember(expressions, source, parsed.ok ? parsed.value : null);
  }
  return expr ? evaluate(expr, scope, env) : undefined;
}
