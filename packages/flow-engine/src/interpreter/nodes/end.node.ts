import type { NodeHandler } from '../node-handler.js';

/** Ends the session on purpose. */
export const endNode: NodeHandler<'end'> = {
  enter() {
    return { kind: 'end', reason: 'end_node' };
  },
};
