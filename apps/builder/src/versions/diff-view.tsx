import { summarizeDiff, type FlowDiff, type NodeChange } from '@jornada/flow-engine';
import type { MessageKey } from '../i18n/catalog.js';
import { useI18n, type Translate } from '../i18n/index.js';
import { Badge, Callout } from '../ui/feedback.js';

type NodeTypeKey = Extract<MessageKey, `versions.nodeType.${string}`>;

const NODE_TYPE_KEYS: Readonly<Record<string, NodeTypeKey>> = {
  message: 'versions.nodeType.message',
  question: 'versions.nodeType.question',
  condition: 'versions.nodeType.condition',
  set_variable: 'versions.nodeType.set_variable',
  wait: 'versions.nodeType.wait',
  wait_for_event: 'versions.nodeType.wait_for_event',
  http_request: 'versions.nodeType.http_request',
  handoff: 'versions.nodeType.handoff',
  survey: 'versions.nodeType.survey',
  tag: 'versions.nodeType.tag',
  whatsapp_template: 'versions.nodeType.whatsapp_template',
  jump_to_flow: 'versions.nodeType.jump_to_flow',
  ab_split: 'versions.nodeType.ab_split',
  conversion: 'versions.nodeType.conversion',
  end: 'versions.nodeType.end',
};

function nodeTypeName(t: Translate, type: string): string {
  const key = NODE_TYPE_KEYS[type];
  return key === undefined ? type : t(key);
}

function NodeLines({ kind, nodes }: { kind: 'added' | 'removed' | 'changed'; nodes: readonly (NodeChange & { fields?: readonly { path: string }[] })[] }) {
  const { t } = useI18n();
  const title = kind === 'added' ? t('versions.compare.nodesAdded') : kind === 'removed' ? t('versions.compare.nodesRemoved') : t('versions.compare.nodesChanged');
  const mark = kind === 'added' ? '+' : kind === 'removed' ? '−' : '~';
  if (nodes.length === 0) return null;
  return (
    <section className="diff-section">
      <h3 className="diff-section__title">{title}</h3>
      <ul className={`diff-lines diff-lines--${kind}`}>
        {nodes.map((node) => (
          <li key={node.id}>
            <span className="diff-lines__mark" aria-hidden="true">
              {mark}
            </span>
            <span>
              <strong>{node.label ?? node.id}</strong> <span className="diff-lines__type">· {nodeTypeName(t, node.type)}</span>
              {node.fields !== undefined && node.fields.length > 0 && (
                <span className="diff-lines__fields">
                  {t('versions.compare.fields', { fields: node.fields.map((field) => field.path).join(', ') })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A diff between two versions: counts, the engine's summary in the reader's language, and the boxes. */
export function DiffView({ diff }: { diff: FlowDiff }) {
  const { t, locale } = useI18n();
  const lines = summarizeDiff(diff, locale);
  const { added, removed, changed } = diff.summary;
  if (diff.layoutOnly) return <Callout tone="info">{t('versions.compare.layoutOnly')}</Callout>;
  if (added + removed + changed === 0) return <Callout tone="success">{t('versions.compare.identical')}</Callout>;
  return (
    <div>
      <div className="diff-stats">
        {added > 0 && <Badge tone="success">{t('versions.compare.added', { count: added })}</Badge>}
        {removed > 0 && <Badge tone="danger">{t('versions.compare.removed', { count: removed })}</Badge>}
        {changed > 0 && <Badge tone="warning">{t('versions.compare.changed', { count: changed })}</Badge>}
      </div>
      <section className="diff-section">
        <h3 className="diff-section__title">{t('versions.compare.summary')}</h3>
        <ul className="diff-lines">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <NodeLines kind="added" nodes={diff.nodes.added} />
      <NodeLines kind="removed" nodes={diff.nodes.removed} />
      <NodeLines kind="changed" nodes={diff.nodes.changed} />
    </div>
  );
}
