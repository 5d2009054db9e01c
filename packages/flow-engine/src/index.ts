/**
 * @jornada/flow-engine — the pure core of Jornada: the flow document schema, the linter, the
 * interpreter (`start`/`step`: state + event -> state + effects), expressions and templates.
 * It performs no I/O: time comes in as `now`, and everything that touches the world leaves
 * as an effect for the shell (apps/api) to perform.
 */
export * from './schema/common.schema.js';
export * from './schema/node-data.schema.js';
export * from './schema/flow-document.schema.js';
export { flowDocumentJsonSchema } from './schema/json-schema.js';
export { parseFlow, type FlowParseError, type ParseFlowResult } from './schema/parse-flow.js';
export { migrateFlow, FLOW_MIGRATIONS, type MigrateResult } from './migrations/migrate-flow.js';
export type { FlowMigration } from './migrations/migration.js';
export { nodeOutputs, optionalOutputs, nodeWaits, TRIGGER_HANDLE, SURVEY_BANDS, SURVEY_RANGES } from './graph/node-outputs.js';
export * from './session/events.js';
export * from './session/effects.js';
export { parseSessionState, SESSION_STATE_VERSION, SessionStateSchema, type SessionState, type Wait } from './session/session-state.js';
export { start, step, type StepResult } from './interpreter/engine.js';
export type { TraceEntry } from './interpreter/run.js';
export { matchTrigger, triggerSpecificity, type InboundCandidate, type CommerceCandidate } from './interpreter/triggers.js';
export { lint, hasErrors, type LintIssue } from './lint/index.js';
export {
  parseExpression,
  evaluateExpression,
  parseTemplate,
  renderTemplate,
  collectReferences,
  formatCurrency,
  formatDate,
  type FormatEnv,
} from './expressions/index.js';
export { matchChoice, normalizeText, parseDate, parseEmail, parseNumber, parsePhone, parseScore } from './answers/index.js';
export { JOURNEY_TEMPLATES, type JourneyTemplate } from './templates/index.js';
export { sampleCustomer, sampleEventData } from './templates/sample-events.js';
export * from './diff/index.js';
export * from './operations/index.js';
