import { migrateFlow } from '../migrations/migrate-flow.js';
import { FlowDocumentSchema, type FlowDocument } from './flow-document.schema.js';

export interface FlowParseError {
  /** Dotted path of the offending field, e.g. 'nodes.2.data.buttons.0.title' ('' for the whole document). */
  path: string;
  message: string;
}

export type ParseFlowResult =
  | { ok: true; flow: FlowDocument; migratedFrom?: number }
  | { ok: false; errors: FlowParseError[] };

/**
 * Reads an untrusted flow document (an import, a stored draft, an API body): migrates older
 * schema versions, then validates. Never throws; errors name the field.
 */
export function parseFlow(input: unknown): ParseFlowResult {
  const migrated = migrateFlow(input);
  if (!migrated.ok) return { ok: false, errors: [{ path: 'schemaVersion', message: migrated.error }] };
  const result = FlowDocumentSchema.safeParse(migrated.document);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  return migrated.fromVersion === result.data.schemaVersion
    ? { ok: true, flow: result.data }
    : { ok: true, flow: result.data, migratedFrom: migrated.fromVersion };
}
