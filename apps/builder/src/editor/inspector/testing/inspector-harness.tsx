// Test support (imported by the inspector's specs only, never by the app): the inspector inside
// the app's providers, over a document that applies the operations it dispatches with the
// engine's reducer, as the editor does (a refused operation fails the test), lint recomputed
// after each.
import { useMemo, useState } from 'react';
import { applyOperation, lint, type FlowDocument, type FlowOperation } from '@jornada/flow-engine';
import { ApiProvider } from '../../../api/api-context.js';
import type { FlowSummary } from '../../../api/types.js';
import { createAppServices } from '../../../app/app-services.js';
import { I18nProvider, type Locale } from '../../../i18n/index.js';
import { NodeInspector } from '../node-inspector.js';
import type { InspectorSelection } from '../node-inspector-props.js';

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
  readonly flowId?: string;
}

export function InspectorHarness({ document: initial, selection, onDispatch, readOnly = false, focusPath, locale = 'en', flows = [], flowId }: HarnessProps) {
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
          {...(flowId === undefined ? {} : { flowId })}
          onClose={() => undefined}
          dispatch={(operation) => {
            onDispatch?.(operation);
            const result = applyOperation(document, operation);
            if (!result.ok) throw new Error(`The reducer refused ${JSON.stringify(operation)}: ${result.error.message}`);
            setDocument(result.document);
          }}
        />
        <pre data-testid="document" hidden>{JSON.stringify(document)}</pre>
      </ApiProvider>
    </I18nProvider>
  );
}
