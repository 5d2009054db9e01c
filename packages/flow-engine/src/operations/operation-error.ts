/**
 * Why the reducer refused an operation. Codes are stable (the builder translates by them);
 * messages are English sentences a marketer can act on.
 */
export const OPERATION_ERROR_CODES = [
  /** The operation is not one the reducer knows, or a field has the wrong shape. */
  'malformed_operation',
  /** Batches nested deeper than MAX_BATCH_DEPTH. */
  'batch_too_deep',
  /** A new node, trigger or edge reuses an id already in the flow (or in the same operation). */
  'duplicate_id',
  /** Two outputs of one node share an id (two buttons "yes", a branch called "else"...). */
  'duplicate_handle',
  /** Two variables share a name. */
  'duplicate_variable',
  'unknown_node',
  'unknown_trigger',
  'unknown_edge',
  /** A position for something that is neither a node nor a trigger of the flow. */
  'unknown_element',
  /** A node, trigger, edge, variable, position or flow field the schema refuses. */
  'invalid_node',
  'invalid_trigger',
  'invalid_edge',
  'invalid_variables',
  'invalid_position',
  'invalid_flow',
  /** update_node with data of another node type (message data for a question...). */
  'wrong_node_type',
  /** An edge from a node or trigger that is not in the flow. */
  'unknown_source',
  /** An edge from an output its source does not offer. */
  'unknown_handle',
  /** An edge from an output that is already connected. */
  'output_taken',
  /** An edge leading to a node that is not in the flow. */
  'unknown_target',
  /** An edge leading to a trigger (triggers start flows; nothing leads into them). */
  'edge_into_trigger',
  /** An edge from a node to itself. */
  'self_loop',
  /** More triggers, nodes, edges or variables than a flow may hold. */
  'limit_exceeded',
] as const;

export type OperationErrorCode = (typeof OPERATION_ERROR_CODES)[number];

export interface OperationError {
  code: OperationErrorCode;
  /** English, for the person editing: what is wrong and, where it helps, what to do. */
  message: string;
  /**
   * Dotted path of the offending field inside the operation, e.g. `node.data.buttons.0.title`,
   * `edge.sourceHandle`, `positions.n1`; inside a batch it starts with `operations.<i>.`.
   */
  path?: string;
  /** Index of the refused operation in the list given to `applyOperations` (and the API body). */
  operationIndex?: number;
  /** The node, trigger or edge concerned, when there is one (lets the builder select it). */
  elementId?: string;
}
