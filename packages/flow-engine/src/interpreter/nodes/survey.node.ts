import { parseScore } from '../../answers/index.js';
import { SURVEY_BANDS, SURVEY_RANGES } from '../../graph/node-outputs.js';
import type { NodeOf } from '../../schema/flow-document.schema.js';
import type { InboundMessage } from '../../session/events.js';
import type { Wait } from '../../session/session-state.js';
import { defaultText } from '../default-texts.js';
import { ignore, isOwnTimer, next, type NodeHandler, type NodeOutcome } from '../node-handler.js';
import { renderChoices } from '../render-choices.js';
import type { Run } from '../run.js';
import { inboundAsText } from './inbound-text.js';

type SurveyNode = NodeOf<'survey'>;
const SCORE_PREFIX = 'score_';
const DEFAULT_COMMENT_TIMEOUT = { amount: 1, unit: 'hours' } as const;

function ask(node: SurveyNode, run: Run): void {
  const [min, max] = SURVEY_RANGES[node.data.kind];
  const text = run.render(node.data.text);
  // NPS has 11 answers: more than a WhatsApp list holds, so customers type the number. On
  // SMS a numbered list would make "1" ambiguous (first line or score 1?): the score is typed.
  if (max - min + 1 > 10 || run.state.env.channel === 'sms') {
    run.send(node.id, { kind: 'text', text });
    return;
  }
  const choices = [];
  for (let score = max; score >= min; score -= 1) choices.push({ id: `${SCORE_PREFIX}${score}`, title: String(score) });
  run.send(
    node.id,
    renderChoices({
      channel: run.state.env.channel,
      locale: run.env.locale,
      text,
      choices,
      listLabel: defaultText(run.env.locale, 'score_labels'),
    }),
  );
}

function bandOf(node: SurveyNode, score: number): string {
  return SURVEY_BANDS[node.data.kind].find((b) => score >= b.min && score <= b.max)?.handle ?? 'invalid';
}

function readScore(node: SurveyNode, message: InboundMessage): number | undefined {
  const [min, max] = SURVEY_RANGES[node.data.kind];
  if ((message.kind === 'button' || message.kind === 'list') && message.id.startsWith(SCORE_PREFIX)) {
    const score = Number(message.id.slice(SCORE_PREFIX.length));
    if (Number.isInteger(score) && score >= min && score <= max) return score;
  }
  const text = inboundAsText(message);
  if (text === undefined) return undefined;
  const parsed = parseScore(text, min, max);
  return parsed.ok ? parsed.value : undefined;
}

function finish(node: SurveyNode, score: number, run: Run, timerId: string | undefined): NodeOutcome {
  run.cancelTimer(timerId);
  return next(bandOf(node, score));
}

/**
 * NPS (0-10), CSAT (1-5) or CES (1-7). The score is recorded as soon as it arrives, so it
 * counts even if the customer never writes the optional comment; the comment updates the
 * same record (same id) when it comes.
 */
export const surveyNode: NodeHandler<'survey'> = {
  enter(node, run) {
    ask(node, run);
    const timerId = node.data.timeout
      ? run.scheduleTimer(node.id, run.after(node.data.timeout), 'reply_timeout')
      : undefined;
    return { kind: 'wait', wait: { kind: 'reply', nodeId: node.id, attempts: 0, phase: 'answer', ...(timerId ? { timerId } : {}) } };
  },

  resume(node, wait, event, run) {
    if (wait.kind !== 'reply') return ignore;
    if (isOwnTimer(wait, event)) {
      return wait.phase === 'comment' && wait.score !== undefined ? next(bandOf(node, wait.score)) : next('timeout');
    }
    if (event.type !== 'message') return ignore;

    if (wait.phase === 'comment' && wait.score !== undefined && wait.surveyId) {
      const comment = inboundAsText(event.message)?.trim();
      if (comment && node.data.comment?.variable) run.setVar(node.data.comment.variable, comment);
      if (comment) {
        run.emit({ type: 'record_survey', id: wait.surveyId, nodeId: node.id, kind: node.data.kind, score: wait.score, comment });
      }
      return finish(node, wait.score, run, wait.timerId);
    }

    const score = readScore(node, event.message);
    if (score === undefined) {
      const attempts = wait.attempts + 1;
      if (attempts >= node.data.maxAttempts) {
        run.cancelTimer(wait.timerId);
        return next('invalid');
      }
      const [min, max] = SURVEY_RANGES[node.data.kind];
      const text = node.data.invalidText ? run.render(node.data.invalidText) : defaultText(run.env.locale, 'invalid_score', { min, max });
      run.send(node.id, { kind: 'text', text });
      return { kind: 'wait', wait: { ...wait, attempts } };
    }

    const surveyId = run.nextId();
    run.emit({ type: 'record_survey', id: surveyId, nodeId: node.id, kind: node.data.kind, score });
    if (node.data.variable) run.setVar(node.data.variable, score);
    if (!node.data.comment) return finish(node, score, run, wait.timerId);

    run.cancelTimer(wait.timerId);
    run.send(node.id, { kind: 'text', text: run.render(node.data.comment.prompt) });
    // The comment is optional for the customer: without an answer the flow must still go on
    // (a detractor still has to reach a person), so the comment wait always has a deadline.
    const timeout = node.data.comment.timeout ?? DEFAULT_COMMENT_TIMEOUT;
    const timerId = run.scheduleTimer(node.id, run.after(timeout), 'reply_timeout');
    const commentWait: Wait = { kind: 'reply', nodeId: node.id, attempts: 0, phase: 'comment', score, surveyId, timerId };
    return { kind: 'wait', wait: commentWait };
  },
};
