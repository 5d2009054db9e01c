import { Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@jornada/flow-engine';
import type { Queryable } from './runtime-sql.js';
import type { OutboxRecord } from './processing/outbox.repository.js';

/** How long a claim on a conversation's sends holds if its holder dies mid-way; renewed while it sends. */
export const SEND_LEASE_MS = 15_000;

/** An outbox `send` row with its message, claimed for sending. */
export interface ClaimedSend {
  readonly row: OutboxRecord;
  readonly messageId: string;
  readonly message: OutboundMessage;
}

/** The sends one step claimed for its own process, under `token`. */
export interface InlineClaim {
  readonly conversationId: string;
  readonly channel: string;
  readonly token: string;
  readonly sends: readonly ClaimedSend[];
  /**
   * True when these sends are everything the step left pending in the conversation (no timer or
   * other outbox row, no send it could not claim): once they are sent there is nothing to look
   * up. False when unknown.
   */
  readonly complete: boolean;
}

/**
 * Sends a step claims for its own process while it writes them, so the process that stepped a
 * conversation sends the replies right after the commit without a claim transaction of its own
 * (five round trips fewer per step). Opt-in per transaction: a caller that will send inline
 * after the commit calls `collect(tx)` first and `take(tx)` before the transaction ends; the
 * StepWriter claims only in such a transaction, only for an unpaced channel, and only when the
 * conversation has no other send pending (the claim must not overtake an earlier message). A
 * claim that is never sent lapses like any lease and the recovery sweep sends the rows.
 */
@Injectable()
export class InlineSendClaims {
  private readonly claims = new WeakMap<object, InlineClaim[]>();

  collect(tx: Queryable): void {
    this.claims.set(keyOf(tx), []);
  }

  isCollecting(tx: Queryable): boolean {
    return this.claims.has(keyOf(tx));
  }

  add(tx: Queryable, claim: InlineClaim): void {
    this.claims.get(keyOf(tx))?.push(claim);
  }

  /** The claims made in `tx` so far; stops collecting. */
  take(tx: Queryable): readonly InlineClaim[] {
    const key = keyOf(tx);
    const claims = this.claims.get(key) ?? [];
    this.claims.delete(key);
    return claims;
  }
}

/** A transaction's EntityManager shares its query runner with every repository that gets it. */
function keyOf(tx: Queryable): object {
  return (tx as { queryRunner?: object }).queryRunner ?? tx;
}
