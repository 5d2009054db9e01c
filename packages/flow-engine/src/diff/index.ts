export { diffFlows, isEmptyDiff } from './diff-flows.js';
export { summarizeDiff, type DiffLocale } from './summarize-diff.js';
export type { EdgeRef, FieldChange, FlowDiff, ItemChanges, NodeChange, NodeFieldChanges, TriggerChange, TriggerFieldChanges } from './types.js';
