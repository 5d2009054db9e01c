import { next, type NodeHandler } from '../node-handler.js';

/** Takes the first branch whose expression holds, else "else". */
export const conditionNode: NodeHandler<'condition'> = {
  enter(node, run) {
    const branch = node.data.branches.find((b) => run.holds(b.when));
    return next(branch ? branch.id : 'else');
  },
};
