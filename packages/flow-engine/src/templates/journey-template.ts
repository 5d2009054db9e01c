import type { FlowDocumentInput } from '../schema/flow-document.schema.js';

export type TemplateLocale = 'pt-BR' | 'en';

/** A ready-made journey a workspace can start from; texts follow the workspace language. */
export interface JourneyTemplate {
  id: 'visitor-question' | 'cart-recovery' | 'post-purchase';
  name: Record<TemplateLocale, string>;
  description: Record<TemplateLocale, string>;
  build(locale: TemplateLocale): FlowDocumentInput;
}

/** Lays nodes out top to bottom in rows so a template opens tidy in the builder. */
export function gridPositions(rows: readonly (readonly string[])[]): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  rows.forEach((row, y) => row.forEach((id, x) => (positions[id] = { x: x * 320, y: y * 180 })));
  return positions;
}

/** Edge list from compact `[source, handle, target]` triples; ids are derived, stable and unique. */
export function edges(list: ReadonlyArray<readonly [string, string, string]>): FlowDocumentInput['edges'] {
  return list.map(([source, sourceHandle, target]) => ({ id: `${source}--${sourceHandle}--${target}`, source, sourceHandle, target }));
}
