// The flow editor (`/flows/:id`, full screen): a canvas projected from the flow document, edited
// only through the engine's operations (undo, autosave and the server share them).
export { FlowEditorScreen } from './flow-editor-screen.js';
