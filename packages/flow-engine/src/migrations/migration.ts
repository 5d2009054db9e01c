/** A plain JSON object, as read from storage or an import file. */
export type JsonObject = Record<string, unknown>;

/**
 * One schema change: a pure function from a document of version `from` to version `from + 1`.
 * Migrations never throw on shapes they do not expect; they leave them for validation to report.
 */
export interface FlowMigration {
  from: number;
  description: string;
  migrate(doc: JsonObject): JsonObject;
}
