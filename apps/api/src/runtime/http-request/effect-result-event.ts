import type { EngineEvent } from '@jornada/flow-engine';
import type { HttpRequestOutcome } from './http-request-outcome.js';

/** The engine event that resumes the session waiting on effect `effectId`. */
export function toEffectResultEvent(effectId: string, outcome: HttpRequestOutcome): EngineEvent {
  return {
    type: 'effect_result',
    effectId,
    ok: outcome.ok,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
    ...(outcome.body === undefined ? {} : { body: outcome.body }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  };
}
