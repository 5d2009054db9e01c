import { z } from 'zod';
import { FlowDocumentSchema } from './flow-document.schema.js';

/**
 * The flow document as JSON Schema (draft 2020-12), generated from the one zod schema so the
 * builder, the API docs and third-party tools read the same contract the engine enforces.
 */
export function flowDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FlowDocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
