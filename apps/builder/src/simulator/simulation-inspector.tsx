import type { FlowDocument } from '@jornada/flow-engine';
import type { SimulationProblem, SimulationState } from '../api/simulation-types.js';
import { useI18n, useT } from '../i18n/index.js';
import { describeError } from '../ui/describe-error.js';
import { Badge, Callout, type BadgeTone } from '../ui/feedback.js';
import { nodeName, outputName } from './describe.js';
import type { SimulatorPath } from './simulator-panel-props.js';

interface SimulationInspectorProps {
  readonly document: FlowDocument;
  readonly state: SimulationState | null;
  readonly path: SimulatorPath | null;
  /** The session of this flow (a jump starts another, of another flow). */
  readonly sessionId: string;
  readonly refreshError: unknown;
}

const STATUS_TONES: Readonly<Record<string, BadgeTone>> = { active: 'info', waiting: 'brand', handoff: 'warning', ended: 'neutral' };

/** What the session knows: status, where it waits, timers, variables, problems and the path taken. */
export function SimulationInspector({ document, state, path, sessionId, refreshError }: SimulationInspectorProps) {
  const t = useT();
  const { format } = useI18n();
  const node = (id: string) => nodeName(document, id, t);
  const status = state?.status ?? null;
  const waitingAt = state?.waitingAt ?? null;
  const handoffNode = waitingAt === null ? undefined : document.nodes.find((item) => item.id === waitingAt && item.type === 'handoff');
  const inHandoff = state !== null && (state.conversationStatus === 'handoff' || status === 'handoff');
  const variables = Object.entries(state?.variables ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const otherFlow = state !== null && state.sessionId !== null && state.sessionId !== sessionId;

  return (
    <div className="sim-inspector">
      {refreshError !== null && <Callout tone="warning">{t('simulator.inspector.refreshFailed', { reason: describeError(refreshError, t).message })}</Callout>}

      <section className="sim-section" aria-labelledby="sim-inspector-status">
        <h3 id="sim-inspector-status" className="sim-section__title">
          {t('simulator.inspector.status')}
        </h3>
        <dl className="sim-facts">
          <div>
            <dt className="visually-hidden">{t('simulator.inspector.status')}</dt>
            <dd>
              <Badge tone={STATUS_TONES[status ?? ''] ?? 'neutral'} dot>
                {status === null ? t('simulator.inspector.status.none') : t(`simulator.inspector.status.${status}`)}
              </Badge>
              {otherFlow && <span className="sim-facts__note">{t('simulator.inspector.otherFlow')}</span>}
            </dd>
          </div>
          {waitingAt !== null && status !== 'ended' && (
            <div>
              <dt>{t('simulator.inspector.waitingAt')}</dt>
              <dd>{otherFlow ? waitingAt : node(waitingAt)}</dd>
            </div>
          )}
          {state?.waitingFor != null && status !== 'ended' && (
            <div>
              <dt>{t('simulator.inspector.waitingFor')}</dt>
              <dd>{t(`simulator.inspector.waitFor.${state.waitingFor}`)}</dd>
            </div>
          )}
        </dl>
        {inHandoff && (
          <Callout tone="warning" title={t('simulator.inspector.handoff')}>
            {handoffNode?.type === 'handoff' && (
              <p>
                {t('simulator.inspector.handoffDetail', {
                  team: handoffNode.data.team ?? t('simulator.inspector.handoffNoTeam'),
                  priority: handoffNode.data.priority,
                })}
              </p>
            )}
          </Callout>
        )}
      </section>

      <section className="sim-section" aria-labelledby="sim-inspector-timers">
        <h3 id="sim-inspector-timers" className="sim-section__title">
          {t('simulator.inspector.timers')}
        </h3>
        {state === null || state.timers.length === 0 ? (
          <p className="sim-section__empty">{t('simulator.inspector.noTimers')}</p>
        ) : (
          <ul className="sim-rows">
            {state.timers.map((timer) => (
              <li key={`${timer.nodeId}-${timer.fireAt}`}>
                <span>{node(timer.nodeId)}</span>
                <time dateTime={timer.fireAt} title={format.dateTime(timer.fireAt)}>
                  {format.relative(timer.fireAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="sim-section" aria-labelledby="sim-inspector-variables">
        <h3 id="sim-inspector-variables" className="sim-section__title">
          {t('simulator.inspector.variables')}
        </h3>
        {variables.length === 0 ? (
          <p className="sim-section__empty">{t('simulator.inspector.noVariables')}</p>
        ) : (
          <dl className="sim-vars">
            {variables.map(([name, value]) => (
              <div key={name} className="sim-vars__row">
                <dt>{name}</dt>
                <dd>
                  <VariableValue value={value} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="sim-section" aria-labelledby="sim-inspector-problems">
        <h3 id="sim-inspector-problems" className="sim-section__title">
          {t('simulator.inspector.problems')}
        </h3>
        {state === null || state.problems.length === 0 ? (
          <p className="sim-section__empty">{t('simulator.inspector.noProblems')}</p>
        ) : (
          <ul className="sim-problems">
            {state.problems.map((problem, index) => (
              // The run log's order is the problems' identity.
              <ProblemRow key={`${problem.at}-${String(index)}`} problem={problem} node={node} />
            ))}
          </ul>
        )}
      </section>

      <section className="sim-section" aria-labelledby="sim-inspector-path">
        <h3 id="sim-inspector-path" className="sim-section__title">
          {t('simulator.inspector.path')}
        </h3>
        {path === null || path.steps.length === 0 ? (
          <p className="sim-section__empty">{t('simulator.inspector.pathEmpty')}</p>
        ) : (
          <ol className="sim-path">
            {path.steps.map((step, index) => (
              <li key={`${step.nodeId}-${String(index)}`} className={index === path.steps.length - 1 && path.currentNodeId === step.nodeId ? 'sim-path__step sim-path__step--current' : 'sim-path__step'}>
                <span>{node(step.nodeId)}</span>
                {step.output !== undefined && step.output !== 'next' && <span className="sim-path__output">{t('simulator.inspector.pathOutput', { output: outputName(document, step.nodeId, step.output) })}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function ProblemRow({ problem, node }: { problem: SimulationProblem; node: (id: string) => string }) {
  const t = useT();
  const level = problem.kind === 'error' ? 'error' : problem.level === 'warn' || problem.level === 'error' ? problem.level : 'info';
  const tone: BadgeTone = level === 'error' ? 'danger' : level === 'warn' ? 'warning' : 'neutral';
  return (
    <li className="sim-problems__row">
      <div className="sim-problems__head">
        <Badge tone={tone}>{t(`simulator.inspector.level.${level}`)}</Badge>
        {problem.code !== undefined && <code>{problem.code}</code>}
        {typeof problem.nodeId === 'string' && <span className="sim-problems__node">{t('simulator.inspector.problemAt', { node: node(problem.nodeId) })}</span>}
      </div>
      {problem.message !== undefined && <p className="sim-problems__message">{problem.message}</p>}
    </li>
  );
}

/** Scalars inline; objects and lists folded, as indented JSON. */
function VariableValue({ value }: { value: unknown }) {
  if (value === null || typeof value !== 'object') {
    return <code className={`sim-value sim-value--${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</code>;
  }
  const size = Array.isArray(value) ? `[${String(value.length)}]` : `{${String(Object.keys(value).length)}}`;
  return (
    <details className="sim-value__details">
      <summary>
        <code>{size}</code> <span className="sim-value__preview">{JSON.stringify(value).slice(0, 60)}</span>
      </summary>
      <pre className="sim-value__json">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
