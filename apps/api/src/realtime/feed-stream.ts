import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { ConversationFeed } from './conversation-feed.js';

/** A conversation's feed as Server-Sent Events: `message` with the message, `session` and `conversation` with ids. */
export function feedStream(feed: ConversationFeed, scope: { workspaceId: string; conversationId: string }): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) =>
    feed.subscribe(scope, {
      message: (message) => subscriber.next({ type: 'message', id: message.id, data: message }),
      session: ({ sessionId }) => subscriber.next({ type: 'session', data: { sessionId } }),
      conversation: () => subscriber.next({ type: 'conversation', data: { conversationId: scope.conversationId } }),
      close: () => subscriber.complete(),
    }),
  );
}
