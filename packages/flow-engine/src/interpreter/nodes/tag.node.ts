import { next, type NodeHandler } from '../node-handler.js';
import { contactRecord } from './contact.js';

/** Adds and removes contact tags; the session's copy of the contact follows, so conditions see it. */
export const tagNode: NodeHandler<'tag'> = {
  enter(node, run) {
    const { add, remove } = node.data;
    const contact = contactRecord(run);
    const current = Array.isArray(contact['tags']) ? contact['tags'].filter((t): t is string => typeof t === 'string') : [];
    const tags = [...new Set([...current, ...add])].filter((t) => !remove.includes(t));
    run.setVar('contact', { ...contact, tags });
    run.emit({ type: 'tag', add: [...add], remove: [...remove] });
    return next('next');
  },
};
