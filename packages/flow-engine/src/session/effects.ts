import type { Json } from '../schema/common.schema.js';
import type { HandoffData, SurveyKind, ConversionKind } from './node-types.js';

export interface ButtonOption {
  id: string;
  title: string;
}

/** A message in channel-neutral form; a channel adapter renders it for its provider. */
export type OutboundMessage =
  | { kind: 'text'; text: string }
  | { kind: 'media'; mediaType: 'image' | 'video' | 'audio' | 'document'; url: string; caption?: string; filename?: string }
  | {
      kind: 'buttons';
      text: string;
      buttons: ButtonOption[];
      footer?: string;
      header?: { mediaType: 'image' | 'video' | 'document'; url: string };
    }
  | {
      kind: 'list';
      text: string;
      buttonLabel: string;
      sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
      footer?: string;
    }
  | {
      kind: 'template';
      name: string;
      language: string;
      header?: { kind: 'text'; params: string[] } | { kind: 'image' | 'video' | 'document'; url: string };
      body: string[];
      urlButtons: Array<{ index: number; param: string }>;
      quickReplies: Array<{ index: number; id: string; title: string }>;
    };

export type TimerPurpose = 'wait' | 'reply_timeout' | 'event_timeout';

/**
 * What the engine asks the shell to do. Ids are deterministic (`<sessionId>:<n>`) so the shell
 * can use them as idempotency keys: a retried job never sends the same message twice.
 */
export type Effect =
  | { type: 'send'; id: string; nodeId: string; message: OutboundMessage }
  | { type: 'schedule_timer'; timerId: string; nodeId: string; fireAt: string; purpose: TimerPurpose }
  | { type: 'cancel_timer'; timerId: string }
  | { type: 'handoff'; id: string; nodeId: string; team?: string; priority: HandoffData['priority']; reason: string }
  | {
      type: 'http_request';
      id: string;
      nodeId: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: string;
      timeoutMs: number;
    }
  | { type: 'set_contact'; attributes: Record<string, Json> }
  | { type: 'tag'; add: string[]; remove: string[] }
  | { type: 'record_survey'; id: string; nodeId: string; kind: SurveyKind; score: number; comment?: string }
  | { type: 'record_conversion'; id: string; nodeId: string; kind: ConversionKind; value?: number; currency?: string }
  | { type: 'start_flow'; flowId: string; data: Record<string, Json> }
  | { type: 'end_session'; reason: EndReason }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; code: string; message: string; nodeId?: string };

export type EndReason =
  | 'completed'
  | 'end_node'
  | 'jumped'
  | 'resolved'
  | 'step_budget_exceeded'
  | 'missing_node'
  | 'no_entry';
