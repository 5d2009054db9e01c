import type { ReactNode } from 'react';
import type { FlowNode, Trigger } from '@jornada/flow-engine';
import type { Translate } from '../i18n/translator.js';
import { durationText, eventName, loose } from './node-text.js';

const PREVIEW_CHARS = 160;

/** Text with its `{{placeholders}}` drawn as chips, cut to what a box has room for. */
export function TemplateText({ text }: { text: string }) {
  const cut = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS).trimEnd()}…` : text;
  const parts = cut.split(/(\{\{[^{}]*\}\}?)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('{{') ? (
          <span key={index} className="cnode__var">
            {part.replace(/^\{\{\s*/, '').replace(/\s*\}?\}$/, '')}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Line({ children, muted = false, mono = false }: { children: ReactNode; muted?: boolean; mono?: boolean }) {
  return <p className={['cnode__line', muted ? 'cnode__line--muted' : '', mono ? 'cnode__line--mono' : ''].filter(Boolean).join(' ')}>{children}</p>;
}

function Quote({ text, empty }: { text: string | undefined; empty: string }) {
  return text?.trim() ? (
    <p className="cnode__text">
      <TemplateText text={text} />
    </p>
  ) : (
    <Line muted>{empty}</Line>
  );
}

/** What a box shows at a glance, per type: its text, its wait, its event, its request… */
export function NodePreview({ node, t }: { node: FlowNode; t: Translate }) {
  const tl = loose(t);
  switch (node.type) {
    case 'message': {
      const { media, list } = node.data;
      return (
        <>
          {media !== undefined && (
            <Line muted>
              <span className="cnode__chip">{tl(`editor.preview.media.${media.kind}` as 'editor.preview.media.image')}</span>
            </Line>
          )}
          {(node.data.text?.trim() || media === undefined) && <Quote text={node.data.text} empty={t('editor.preview.empty')} />}
          {list !== undefined && <Line muted>{t('editor.preview.list', { label: list.buttonLabel })}</Line>}
        </>
      );
    }
    case 'question':
      return (
        <>
          <Quote text={node.data.text} empty={t('editor.preview.empty')} />
          <Line muted>
            <span className="cnode__chip">{tl(`editor.preview.question.${node.data.kind}` as 'editor.preview.question.text')}</span> {t('editor.preview.savesTo')} <span className="cnode__var">{node.data.variable}</span>
          </Line>
        </>
      );
    case 'condition':
      return null;
    case 'set_variable':
      return (
        <>
          {node.data.assignments.slice(0, 3).map((assignment, index) => (
            <Line key={index} mono>
              <span className="cnode__var">{assignment.variable}</span> = {assignment.value}
            </Line>
          ))}
          {node.data.assignments.length > 3 && <Line muted>{t('editor.preview.more', { count: node.data.assignments.length - 3 })}</Line>}
        </>
      );
    case 'wait': {
      const data = node.data;
      const main =
        data.mode === 'duration'
          ? t('editor.preview.wait.duration', { duration: durationText(t, data.duration) })
          : data.mode === 'until_time'
            ? t('editor.preview.wait.until_time', { time: data.time })
            : data.mode === 'until_date'
              ? t('editor.preview.wait.until_date', { expression: data.at })
              : t('editor.preview.wait.business_hours');
      return (
        <>
          <p className="cnode__big">{main}</p>
          {data.interruptOnReply === true && <Line muted>{t('editor.preview.wait.interrupt')}</Line>}
        </>
      );
    }
    case 'wait_for_event':
      return (
        <>
          <p className="cnode__big">{node.data.events.map((event) => eventName(t, event)).join(' · ')}</p>
          <Line muted>{t('editor.preview.event.within', { duration: durationText(t, node.data.within) })}</Line>
          {node.data.match !== undefined && (
            <Line muted mono>
              {t('editor.preview.event.match', { expression: node.data.match })}
            </Line>
          )}
        </>
      );
    case 'http_request':
      return (
        <Line mono>
          <span className={`cnode__method cnode__method--${node.data.method.toLowerCase()}`}>{node.data.method}</span> <span className="cnode__url">{node.data.url}</span>
        </Line>
      );
    case 'handoff':
      return (
        <>
          <p className="cnode__big">{node.data.team?.trim() ? t('editor.preview.handoff.team', { team: node.data.team }) : t('editor.preview.handoff.anyTeam')}</p>
          <Line muted>
            <span className={`cnode__priority cnode__priority--${node.data.priority}`}>{tl(`editor.preview.priority.${node.data.priority}` as 'editor.preview.priority.low')}</span>
          </Line>
          <Quote text={node.data.reason} empty={t('editor.preview.empty')} />
        </>
      );
    case 'survey':
      return (
        <>
          <Line muted>
            <span className="cnode__chip">{tl(`editor.preview.survey.${node.data.kind}` as 'editor.preview.survey.nps')}</span>
          </Line>
          <Quote text={node.data.text} empty={t('editor.preview.empty')} />
        </>
      );
    case 'tag':
      return (
        <p className="cnode__tags">
          {node.data.add.map((tag) => (
            <span key={`+${tag}`} className="cnode__tag cnode__tag--add">
              +{tag}
            </span>
          ))}
          {node.data.remove.map((tag) => (
            <span key={`-${tag}`} className="cnode__tag cnode__tag--remove">
              −{tag}
            </span>
          ))}
        </p>
      );
    case 'whatsapp_template':
      return (
        <>
          <Line mono>{node.data.name}</Line>
          <Line muted>
            {node.data.language} · {t('editor.preview.template.params', { count: node.data.body.length })}
          </Line>
        </>
      );
    case 'jump_to_flow':
      return <Line muted>{t('editor.preview.jump', { flowId: node.data.flowId })}</Line>;
    case 'ab_split':
      return null;
    case 'conversion':
      return (
        <>
          <p className="cnode__big">{tl(`editor.preview.conversion.${node.data.kind}` as 'editor.preview.conversion.custom')}</p>
          {node.data.value !== undefined && (
            <Line muted mono>
              {t('editor.preview.conversion.value', { value: node.data.value })}
            </Line>
          )}
        </>
      );
    case 'end':
      return <Line muted>{node.data.reason?.trim() ? node.data.reason : t('editor.preview.end')}</Line>;
  }
}

/** What a trigger shows: the event, the words it listens for, or how it is started. */
export function TriggerPreview({ trigger, t }: { trigger: Trigger; t: Translate }) {
  switch (trigger.type) {
    case 'commerce_event':
      return (
        <>
          <p className="cnode__big">{eventName(t, trigger.event)}</p>
          <Line mono muted>
            {trigger.event}
          </Line>
          {trigger.filter !== undefined && (
            <Line muted mono>
              {t('editor.trigger.filter', { filter: trigger.filter })}
            </Line>
          )}
        </>
      );
    case 'inbound_message': {
      const { match } = trigger;
      const main =
        match.kind === 'keyword'
          ? t('editor.match.keyword', { keywords: match.keywords.join(', ') })
          : match.kind === 'regex'
            ? t('editor.match.regex', { pattern: match.pattern })
            : match.kind === 'first_contact'
              ? t('editor.match.first_contact')
              : t('editor.match.any');
      return (
        <>
          <p className="cnode__big">{main}</p>
          {trigger.channels !== undefined && trigger.channels.length > 0 && <Line muted>{t('editor.match.channels', { channels: trigger.channels.join(', ') })}</Line>}
        </>
      );
    }
    case 'manual':
      return <Line muted>{t('editor.manual.text')}</Line>;
  }
}
