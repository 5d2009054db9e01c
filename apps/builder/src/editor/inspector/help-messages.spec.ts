import { NODE_TYPES } from '@jornada/flow-engine';
import { LOCALES } from '../../i18n/index.js';
import { helpKey, schemaHelp, type FormOwner } from './form-context.js';
import { HELP_TEXTS } from './help-messages.js';
import { flowFields, nodeDataFields, triggerFields, type SchemaField } from './schema-paths.js';

const TRIGGER_TYPES = ['inbound_message', 'commerce_event', 'manual'] as const;
// Ids are generated, never typed: their description ("A stable identifier") is not shown.
const shown = (field: SchemaField) => field.description !== undefined && !/(^|\.)id$/.test(field.path);

const owners: { owner: FormOwner; fields: SchemaField[] }[] = [
  ...NODE_TYPES.map((type) => ({ owner: { kind: 'node', type } as const, fields: nodeDataFields(type) })),
  ...TRIGGER_TYPES.map((type) => ({ owner: { kind: 'trigger', type } as const, fields: triggerFields(type) })),
  { owner: { kind: 'flow' }, fields: flowFields().filter((field) => /^(name|description|settings|variables)/.test(field.path)) },
];

describe('help texts', () => {
  it('has the same keys and no empty text in every language', () => {
    const english = Object.keys(HELP_TEXTS.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(HELP_TEXTS[locale]).sort()).toEqual(english);
      for (const text of Object.values(HELP_TEXTS[locale])) expect(text.trim()).not.toBe('');
    }
  });

  it('translates every help text the schema describes', () => {
    const missing = owners.flatMap(({ owner, fields }) => fields.filter(shown).map((field) => helpKey(owner, field.path))).filter((key) => !Object.hasOwn(HELP_TEXTS.en, key));
    expect(missing).toEqual([]);
  });

  it('keys only fields that exist', () => {
    const known = new Set(['node.label', ...owners.flatMap(({ owner, fields }) => fields.map((field) => helpKey(owner, field.path)))]);
    expect(Object.keys(HELP_TEXTS.en).filter((key) => !known.has(key))).toEqual([]);
  });

  it('falls back to the schema description', () => {
    expect(schemaHelp({ kind: 'node', type: 'message' }, 'buttons.2.title')).toBe('What the button says. WhatsApp shows at most 20 characters.');
    expect(schemaHelp({ kind: 'trigger', type: 'commerce_event' }, 'filter')).toBe('Start only when this holds, e.g. cart.total >= 50');
    expect(schemaHelp({ kind: 'node', type: 'tag' }, 'add')).toBeUndefined();
  });
});
