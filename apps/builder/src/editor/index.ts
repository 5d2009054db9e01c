// PLACEHOLDER owned by the builder shell until the editor helper replaces this file (and adds
// the rest of src/editor/**): the app routes `/flows/:id` to FlowEditorScreen, full screen
// (no sidebar), inside the signed-in session, the API, i18n and toast providers.
export { FlowEditorScreen } from './flow-editor-placeholder.js';
