import type { Json } from '../../schema/common.schema.js';
import type { Run } from '../run.js';

type JsonObject = { [key: string]: Json };

function asObject(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The session's copy of the contact, or one of its object fields (e.g. 'attributes'). */
export function contactRecord(run: Run, field?: string): JsonObject {
  const contact = asObject(run.state.vars['contact']);
  return field ? asObject(contact[field]) : contact;
}
