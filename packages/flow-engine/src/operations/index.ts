export type { CanvasPoint, FlowOperation, FlowOperationType } from './flow-operation.js';
export { OPERATION_ERROR_CODES, type OperationError, type OperationErrorCode } from './operation-error.js';
export {
  applyOperation,
  applyOperationWithInverse,
  applyOperations,
  invertOperation,
  FLOW_LIMITS,
  MAX_BATCH_DEPTH,
  type ApplyResult,
  type ApplyWithInverseResult,
} from './apply-operation.js';
export {
  readFlowOperations,
  FLOW_OPERATION_TYPES,
  MAX_OPERATIONS,
  type OperationShapeProblem,
  type ReadOperationsResult,
} from './operation-schema.js';
