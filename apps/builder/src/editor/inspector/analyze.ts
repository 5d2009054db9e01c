import { collectReferences, evaluateExpression, parseExpression, parseTemplate, renderTemplate, type FormatEnv } from '@jornada/flow-engine';
import type { VariableCatalog } from './variables.js';

/** A piece of a template preview: literal text, a placeholder's sample value, or a placeholder naming variables nobody provides. */
export type PreviewPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly source: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly source: string; readonly names: readonly string[] };

export type SyntaxProblem = { readonly message: string; readonly offset: number };

export type TemplateAnalysis =
  | { readonly ok: true; readonly parts: readonly PreviewPart[]; readonly unknown: readonly string[] }
  | { readonly ok: false; readonly error: SyntaxProblem };

/**
 * What a template will read like, over the catalogue's sample values: the engine's own parser
 * and renderer, placeholder by placeholder, so each value can be shown apart and a placeholder
 * that reads an undeclared variable can be marked (lint refuses to publish it).
 */
export function analyzeTemplate(source: string, catalog: VariableCatalog, env: FormatEnv): TemplateAnalysis {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const unknown = new Set<string>();
  const parts: PreviewPart[] = parsed.value.parts.map((part) => {
    if (part.kind === 'text') return { kind: 'text', text: part.text };
    const names = unknownRoots(collectReferences({ parts: [part] }), catalog);
    names.forEach((name) => unknown.add(name));
    if (names.length > 0) return { kind: 'unknown', source: part.source, names };
    return { kind: 'value', source: part.source, text: renderTemplate({ parts: [part] }, catalog.scope, env) };
  });
  return { ok: true, parts, unknown: [...unknown] };
}

export type ExpressionAnalysis =
  | { readonly ok: true; readonly unknown: readonly string[]; readonly value: unknown }
  | { readonly ok: false; readonly error: SyntaxProblem };

/** Parses an expression, names the variables it reads that nothing provides, and evaluates it over the samples. */
export function analyzeExpression(source: string, catalog: VariableCatalog, env: FormatEnv): ExpressionAnalysis {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const unknown = unknownRoots(collectReferences(parsed.value), catalog);
  return { ok: true, unknown, value: evaluateExpression(source, catalog.scope, env) };
}

function unknownRoots(paths: readonly (readonly string[])[], catalog: VariableCatalog): string[] {
  const names: string[] = [];
  for (const [root] of paths) if (root !== undefined && !catalog.roots.has(root) && !names.includes(root)) names.push(root);
  return names;
}

/** A sample value as the preview shows it: text as is, lists joined, objects as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
