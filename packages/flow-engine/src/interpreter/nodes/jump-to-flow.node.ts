import type { Json } from '../../schema/common.schema.js';
import type { NodeHandler } from '../node-handler.js';

/** Builtin roots the next flow rebuilds itself; everything else (flow variables) is handed over. */
const BUILTINS = new Set(['contact', 'workspace', 'session', 'message', 'event']);

/** Ends this session and asks the shell to start another flow with this one's variables. */
export const jumpToFlowNode: NodeHandler<'jump_to_flow'> = {
  enter(node, run) {
    const data: Record<string, Json> = {};
    for (const [name, value] of Object.entries(run.state.vars)) if (!BUILTINS.has(name)) data[name] = value;
    run.emit({ type: 'start_flow', flowId: node.data.flowId, data });
    return { kind: 'end', reason: 'jumped' };
  },
};
