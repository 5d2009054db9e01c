import type { ChannelType, Json } from '../schema/common.schema.js';
import type { CommerceEvent } from '../schema/flow-document.schema.js';

/** What a customer sent, already parsed from the provider's payload by a channel adapter. */
export type InboundMessage =
  | { kind: 'text'; text: string }
  | { kind: 'button'; id: string; title: string }
  | { kind: 'list'; id: string; title: string }
  | { kind: 'media'; mediaType: 'image' | 'video' | 'audio' | 'document' | 'sticker'; url?: string; caption?: string }
  | { kind: 'location'; latitude: number; longitude: number; name?: string };

/** Everything that can wake a session. The shell turns webhooks, timers and effect results into these. */
export type EngineEvent =
  | { type: 'message'; message: InboundMessage }
  | { type: 'timer'; timerId: string }
  | { type: 'effect_result'; effectId: string; ok: boolean; status?: number; body?: Json; error?: string }
  | { type: 'send_failed'; effectId: string; error: string; errorClass: 'user' | 'transient' | 'system' }
  | { type: 'external'; name: string; data: Record<string, Json> }
  | { type: 'conversation'; action: 'handed_back' | 'resolved' };

/** How a session was started: which trigger fired and with what data. */
export type StartTrigger =
  | { type: 'inbound_message'; triggerId?: string; message: InboundMessage }
  | { type: 'commerce_event'; triggerId?: string; event: CommerceEvent; data: Record<string, Json> }
  | { type: 'manual'; triggerId?: string; data?: Record<string, Json> };

export interface ContactSnapshot {
  id: string;
  name?: string;
  first_name?: string;
  phone?: string;
  email?: string;
  tags: string[];
  attributes: Record<string, Json>;
}

export interface BusinessHoursSettings {
  days: Partial<Record<'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat', Array<{ start: string; end: string }>>>;
  holidays?: string[];
}

export interface WorkspaceSettings {
  name?: string;
  /** IANA time zone, e.g. America/Sao_Paulo. */
  timezone: string;
  /** 'pt-BR' or 'en': customer-facing defaults and formatting. */
  locale: string;
  /** ISO 4217 code used by the currency formatter, e.g. BRL. */
  currency: string;
  /** ISO 3166 country used to read phone numbers typed without +country code, e.g. BR. */
  country: string;
  businessHours?: BusinessHoursSettings;
}

/** Facts the shell knows when a session starts; the engine keeps what it needs in the state. */
export interface SessionContext {
  sessionId: string;
  flowId: string;
  flowVersion: number;
  channel: ChannelType;
  contact: ContactSnapshot;
  workspace: WorkspaceSettings;
}
