// Test support (imported by the inspector's specs only, never by the app): the inspector inside
// the app's providers, over a document that applies the operations it dispatches, the way the
// editor does, with lint issues recomputed after each.
import { useMemo, useState } from 'react';
import { lint, type FlowDocument, type FlowOperation } from '@jornada/flow-engine';
import { ApiProvider } from '../../../api/api-context.js';
import type { FlowSummary } from '../../../api/types.js';
import { createAppServices } from '../../../app/app-services.js';
import { I18nProvider, type Locale } from '../../../i18n/index.js';
import { NodeInspector } from '../node-inspector.js';
import type { InspectorSelection } from '../node-inspector-props.js';

/** Applies the operations the inspector dispatches (the editor's reducer does this for real). */
export function applyInspectorOperation(document: FlowDocument, operation: FlowOperation): FlowDocument {
  switch (operation.type) {
    case 'update_node':
      return {
        ...document,
        nodes: document.nodes.map((node) => {
          if (node.id !== operation.nodeId) return node;
          const next = { ...node, ...(operation.data === undefined ? {} : { data: operation.data }) } as typeof node;
          if (operation.label === null) delete next.label;
          else if (operation.label !== undefined) next.label = operation.label;
          return next;
        }),
      };
    case 'update_trigger':
      return { ...document, triggers: document.triggers.map((trigger) => (trigger.id === operation.trigger.id ? operation.trigger : trigger)) };
    case 'set_variables':
      return { ...document, variables: operation.variables };
    case 'update_flow': {
      const next: FlowDocument = { ...document, settings: { ...document.settings, ...operation.settings } };
      if (operation.name !== undefined) next.name = operation.name;
      if (operation.description === null) delete next.description;
      else if (operation.description !== undefined) next.description = operation.description;
      return next;
    }
    case 'batch':
      return operation.operations.reduce(applyInspectorOperation, document);
    default:
      throw new Error(`The inspector does not dispatch ${operation.type}`);
  }
}

/** A fetch that answers the flow list (for the jump-to-flow picker) and fails anything else. */
function fakeFetch(flows: readonly FlowSummary[]): typeof globalThis.fetch {
  return ((input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://local').pathname;
    const body = path === '/api/flows' ? { items: flows, nextCursor: null } : { error: { status: 404, code: 'not_found', message: 'Not found', requestId: 'r' } };
    return Promise.resolve({
      ok: path === '/api/flows',
      status: path === '/api/flows' ? 200 : 404,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: () => Promise.resolve(JSON.stringify(body)),
    } as Response);
  }) as typeof globalThis.fetch;
}

export interface HarnessProps {
  readonly document: FlowDocument;
  readonly selection: InspectorSelection;
  readonly onDispatch?: (operation: FlowOperation) => void;
  readonly readOnly?: boolean;
  readonly focusPath?: string;
  readonly locale?: Locale;
  readonly flows?: readonly FlowSummary[];
}

export function InspectorHarness({ document: initial, selection, onDispatch, readOnly = false, focusPath, locale = 'en', flows = [] }: HarnessProps) {
  const [document, setDocument] = useState(initial);
  const issues = useMemo(() => lint(document), [document]);
  const api = useMemo(() => createAppServices({ fetch: fakeFetch(flows) }).api, [flows]);
  return (
    <I18nProvider locale={locale}>
      <ApiProvider api={api}>
        <NodeInspector
          document={document}
          selection={selection}
          issues={issues}
          readOnly={readOnly}
          {...(focusPath === undefined ? {} : { focusPath })}
          onClose={() => undefined}
          dispatch={(operation) => {
            onDispatch?.(operation);
            setDocument((current) => applyInspectorOperation(current, operation));
          }}
        />
        <output data-testid="document">{JSON.stringify(document)}</output>
      </ApiProvider>
    </I18nProvider>
  );
}
