import { next, type NodeHandler } from '../node-handler.js';

/** FNV-1a, 32 bits: a small stable hash, the same on every machine and every run. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Picks a variant by weight, stable per contact: the same customer always lands in the same
 * variant of the same split, so a re-entered flow does not flip them between arms.
 */
export const abSplitNode: NodeHandler<'ab_split'> = {
  enter(node, run) {
    const contact = run.state.vars['contact'];
    const contactId =
      contact && typeof contact === 'object' && !Array.isArray(contact) && typeof contact['id'] === 'string'
        ? contact['id']
        : run.state.sessionId;
    const total = node.data.variants.reduce((sum, v) => sum + v.weight, 0);
    let point = stableHash(`${contactId}:${node.id}`) % total;
    for (const variant of node.data.variants) {
      if (point < variant.weight) return next(variant.id);
      point -= variant.weight;
    }
    return next(node.data.variants[0]?.id ?? 'next');
  },
};
