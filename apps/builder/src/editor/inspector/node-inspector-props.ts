import type { FlowDocument, FlowOperation, LintIssue } from '@jornada/flow-engine';

/** What the inspector shows: a node, a trigger, or (nothing selected) the flow's own settings. */
export type InspectorSelection = { kind: 'node'; id: string } | { kind: 'trigger'; id: string } | { kind: 'flow' };

export interface NodeInspectorProps {
  /** The draft as the editor holds it (edits already applied). */
  document: FlowDocument;
  selection: InspectorSelection;
  /** Every lint issue of the document; the inspector shows those of the selection by its fields. */
  issues: readonly LintIssue[];
  /** Applies an edit (one undo step per call; use a `batch` operation for a compound edit). */
  dispatch: (operation: FlowOperation) => void;
  /** True for members who may not edit: fields are shown, not editable. */
  readOnly: boolean;
  /** A lint issue's `path` (e.g. 'nodes.3.data.buttons.0.title') whose field should take focus. */
  focusPath?: string;
  onClose: () => void;
  /** Optional: the id of the flow being edited, left out of the jump-to-flow picker (a flow jumping to itself). */
  flowId?: string;
}
