import type { Json } from '../../schema/common.schema.js';
import { next, type NodeHandler } from '../node-handler.js';
import { toJson } from '../run.js';
import { contactRecord } from './contact.js';

const CONTACT_ATTRIBUTE = 'contact.attributes.';

/**
 * Evaluates each assignment in order (later ones see earlier ones). `contact.attributes.x`
 * updates the session's copy of the contact and asks the shell to save it, in one effect.
 */
export const setVariableNode: NodeHandler<'set_variable'> = {
  enter(node, run) {
    const attributes: Record<string, Json> = {};
    for (const { variable, value } of node.data.assignments) {
      const result = toJson(run.evaluate(value));
      if (!variable.startsWith(CONTACT_ATTRIBUTE)) {
        run.setVar(variable, result);
        continue;
      }
      attributes[variable.slice(CONTACT_ATTRIBUTE.length)] = result;
      const contact = contactRecord(run);
      run.setVar('contact', { ...contact, attributes: { ...contactRecord(run, 'attributes'), ...attributes } });
    }
    if (Object.keys(attributes).length > 0) run.emit({ type: 'set_contact', attributes });
    return next('next');
  },
};
