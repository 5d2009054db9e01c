import { Injectable } from '@nestjs/common';
import type { ChannelAdapter, OutboundSend } from '../../runtime/processing/channel-adapter.js';

/**
 * The sandbox channel (our own, for the builder's simulator and the tests): there is no provider,
 * so "sending" is accepted at once under the provider id `sandbox-<effect id>` — the same on
 * every retry. The SendPerformer then stores the message as sent and pushes it to the
 * conversation's open streams, as it does for every channel.
 */
@Injectable()
export class SandboxChannelAdapter implements ChannelAdapter {
  readonly channel = 'sandbox';

  send(send: OutboundSend): Promise<{ providerMessageId: string }> {
    return Promise.resolve({ providerMessageId: `sandbox-${send.idempotencyKey}` });
  }
}
