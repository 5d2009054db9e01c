import { CURRENT_SCHEMA_VERSION } from '../schema/flow-document.schema.js';
import type { FlowMigration, JsonObject } from './migration.js';
import { v0ToV1 } from './v0-to-v1.migration.js';

/** Every migration, in order; migration i turns version i into version i + 1. */
export const FLOW_MIGRATIONS: readonly FlowMigration[] = [v0ToV1];

export type MigrateResult =
  | { ok: true; document: JsonObject; fromVersion: number; applied: string[] }
  | { ok: false; error: string };

/** The schema version of a stored document: `schemaVersion`, or the draft format's `version` (0). */
export function schemaVersionOf(doc: JsonObject): number | undefined {
  const v = doc['schemaVersion'] ?? doc['version'] ?? (Array.isArray(doc['nodes']) && 'trigger' in doc ? 0 : undefined);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * Brings any stored or imported flow document up to the current schema version by applying
 * the migrations after its version, in order. Pure; the result still needs validation.
 */
export function migrateFlow(input: unknown, migrations: readonly FlowMigration[] = FLOW_MIGRATIONS): MigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'a flow document must be a JSON object' };
  }
  let doc = input as JsonObject;
  const fromVersion = schemaVersionOf(doc);
  if (fromVersion === undefined) return { ok: false, error: 'schemaVersion is missing or not a whole number' };
  const last = migrations.at(-1);
  const target = last === undefined ? CURRENT_SCHEMA_VERSION : last.from + 1;
  if (fromVersion > target) {
    return { ok: false, error: `schemaVersion ${fromVersion} is newer than this Jornada understands (${target}); upgrade Jornada` };
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.from < fromVersion) continue;
    doc = migration.migrate(doc);
    applied.push(`${migration.from}->${migration.from + 1}: ${migration.description}`);
  }
  return { ok: true, document: doc, fromVersion, applied };
}
