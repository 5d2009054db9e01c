import type { FlowDocument, FlowEdge, FlowNode, Trigger, VariableDef } from '../schema/flow-document.schema.js';

/** A point on the canvas (layout only: `ui.positions`). */
export interface CanvasPoint {
  x: number;
  y: number;
}

/**
 * One edit of a flow document. The builder applies operations optimistically, the API applies
 * the same reducer (`applyOperation`) to the stored draft and validates the result, and undo is
 * the inverse operation (`invertOperation`). Every operation is plain JSON.
 *
 * Element ids (nodes, triggers, edges) are chosen by the client, so an operation means the same
 * thing wherever it is applied.
 */
export type FlowOperation =
  /** Adds one node, placed at `position`. */
  | { type: 'add_node'; node: FlowNode; position: CanvasPoint }
  /** Replaces a node's label and/or data (the node keeps its id and type). */
  | { type: 'update_node'; nodeId: string; label?: string | null; data?: FlowNode['data'] }
  /** Adds one trigger, placed at `position`. */
  | { type: 'add_trigger'; trigger: Trigger; position: CanvasPoint }
  /** Replaces a trigger (same id; its type may change). */
  | { type: 'update_trigger'; trigger: Trigger }
  /** Adds one edge from an output handle of a node or trigger to a node's input. */
  | { type: 'connect'; edge: FlowEdge }
  /**
   * Adds several elements at once (paste, duplicate, undo of a delete). Ids must be new; edges
   * may point at elements already in the document.
   */
  | {
      type: 'add_elements';
      triggers?: Trigger[];
      nodes?: FlowNode[];
      edges?: FlowEdge[];
      positions?: Record<string, CanvasPoint>;
      /**
       * Where each added element goes in its list: `indexes.nodes[i]` is the index `nodes[i]`
       * takes in the document's `nodes` (likewise triggers and edges). Absent: appended. The
       * undo of a remove uses it to put elements back exactly where they were.
       */
      indexes?: { triggers?: number[]; nodes?: number[]; edges?: number[] };
    }
  /** Removes elements; removing a node or trigger also removes its edges and position. */
  | { type: 'remove_elements'; nodeIds?: string[]; triggerIds?: string[]; edgeIds?: string[] }
  /**
   * Moves nodes and triggers (layout only). `clear` forgets the position of these nodes or
   * triggers (the undo of placing one that had none); the canvas then lays it out itself.
   */
  | { type: 'move'; positions: Record<string, CanvasPoint>; clear?: string[] }
  /** Replaces the flow's variable declarations. */
  | { type: 'set_variables'; variables: VariableDef[] }
  /** Changes the flow's name, description or settings. */
  | {
      type: 'update_flow';
      name?: string;
      description?: string | null;
      settings?: Partial<FlowDocument['settings']>;
    }
  /** Several operations applied as one: all or none, and one step of undo. */
  | { type: 'batch'; operations: FlowOperation[] };

export type FlowOperationType = FlowOperation['type'];
