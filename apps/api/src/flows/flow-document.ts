import { CURRENT_SCHEMA_VERSION, JOURNEY_TEMPLATES, parseFlow, type FlowDocument, type JourneyTemplate } from '@jornada/flow-engine';
import { ApiError } from '../http/api-error.js';

/** The languages the journey templates are written in. */
export type TemplateLocale = Parameters<JourneyTemplate['build']>[0];

/**
 * Reads an untrusted flow document (a draft save, an import, a create body) with the engine's
 * parseFlow: older schema versions are migrated, then validated. Failures are one 400
 * `invalid_flow_document` naming every path under `field` (`document.nodes.2.data.text`).
 */
export function parseFlowDocumentOrThrow(input: unknown, field = 'document'): { flow: FlowDocument; migratedFrom?: number } {
  const parsed = parseFlow(input);
  if (parsed.ok) return parsed.migratedFrom === undefined ? { flow: parsed.flow } : { flow: parsed.flow, migratedFrom: parsed.migratedFrom };
  const details = parsed.errors.map((error) => ({ field: error.path === '' ? field : `${field}.${error.path}`, message: error.message }));
  throw new ApiError({
    status: 400,
    code: 'invalid_flow_document',
    message:
      details.length === 1
        ? `The flow document is not valid: ${details[0]?.field ?? field}: ${details[0]?.message ?? ''}`
        : `The flow document is not valid: ${String(details.length)} problems.`,
    details,
  });
}

/** Stored documents were validated when written; a later schema may still migrate them. */
export function readStoredDocument(stored: unknown): FlowDocument | null {
  const parsed = parseFlow(stored);
  return parsed.ok ? parsed.flow : null;
}

/** The document with the flow's name and description, which the flow row mirrors. */
export function withFlowMeta(flow: FlowDocument, meta: { name: string; description?: string | undefined }): FlowDocument {
  const { description: _previous, ...rest } = flow;
  const description = meta.description ?? flow.description;
  return description === undefined || description === '' ? { ...rest, name: meta.name } : { ...rest, name: meta.name, description };
}

/** A flow's document as JSON for a jsonb column. */
export function toStoredDocument(flow: FlowDocument): Record<string, unknown> {
  return flow as unknown as Record<string, unknown>;
}

/**
 * A new, empty flow that is valid and lint-clean: a manual start (API or a person starts it)
 * leading to an end. The builder replaces the trigger and fills the middle.
 */
export function blankFlowDocument({ name, description }: { name: string; description?: string | undefined }): FlowDocument {
  const base: FlowDocument = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    triggers: [{ id: 'start', type: 'manual' }],
    nodes: [{ id: 'end', type: 'end', data: {} }],
    edges: [{ id: 'start--next--end', source: 'start', sourceHandle: 'next', target: 'end' }],
    variables: [],
    settings: { channels: ['whatsapp'], stepBudget: 200 },
    ui: { positions: { start: { x: 0, y: 0 }, end: { x: 0, y: 180 } }, viewport: { x: 0, y: 0, zoom: 1 } },
  };
  return withFlowMeta(base, { name, description });
}

export const TEMPLATE_IDS = JOURNEY_TEMPLATES.map((template) => template.id);
export const TEMPLATE_LOCALES: readonly TemplateLocale[] = ['pt-BR', 'en'];

export function findTemplate(id: string): JourneyTemplate | undefined {
  return JOURNEY_TEMPLATES.find((template) => template.id === id);
}

/** A journey template built in `locale`, parsed so its defaults are filled in like any save. */
export function templateDocument(template: JourneyTemplate, locale: TemplateLocale): FlowDocument {
  return parseFlowDocumentOrThrow(template.build(locale), 'template').flow;
}

/** The template language for a workspace's BCP 47 locale: Portuguese for pt*, else English. */
export function templateLocaleFor(locale: string | null | undefined): TemplateLocale {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** A stored draft with another name (and description: '' removes it), as plain JSON. */
export function renameStoredDocument(
  draft: Record<string, unknown>,
  meta: { name: string; description?: string | undefined },
): Record<string, unknown> {
  const { description: previous, ...rest } = draft;
  const description = meta.description ?? previous;
  return typeof description === 'string' && description !== '' ? { ...rest, name: meta.name, description } : { ...rest, name: meta.name };
}
