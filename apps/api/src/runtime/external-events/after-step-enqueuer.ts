/** The conversations one routed event or agent action stepped, once their transaction has committed. */
export interface SteppedConversations {
  readonly workspaceId: string;
  readonly conversationIds: readonly string[];
}

/**
 * What runs after a committed step: hands the outbox rows and timers it produced to their
 * queues, the way the inbound and timer processors do (bound to RuntimeDispatcher in
 * ExternalEventsModule). If it is lost (a crash right after the commit), the dispatcher's
 * sweep re-enqueues the pending rows.
 */
export abstract class AfterStepEnqueuer {
  abstract enqueue(stepped: SteppedConversations): Promise<void>;
}
