import { z } from 'zod';
import {
  DurationSchema,
  ExpressionSchema,
  IdSchema,
  RESERVED_NAMES,
  TemplateTextSchema,
  VariableNameSchema,
} from './common.schema.js';

// Field descriptions double as help text in the builder's side panel.

const ButtonSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(256).describe('What the button says. WhatsApp shows at most 20 characters.'),
  aliases: z.array(z.string().min(1).max(256)).max(20).optional().describe('Typed answers that count as this button, e.g. "sim".'),
});

const ListRowSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(256).describe('Row title. WhatsApp shows at most 24 characters.'),
  description: z.string().max(256).optional(),
  aliases: z.array(z.string().min(1).max(256)).max(20).optional(),
});

const MediaSchema = z.strictObject({
  kind: z.enum(['image', 'video', 'audio', 'document']),
  url: TemplateTextSchema.min(1).describe('Public https address of the file; may use {{variables}}.'),
  caption: TemplateTextSchema.optional(),
  filename: z.string().max(240).optional(),
});

export const MessageDataSchema = z
  .strictObject({
    text: TemplateTextSchema.optional().describe('Message body; may use {{variables}}.'),
    media: MediaSchema.optional(),
    buttons: z.array(ButtonSchema).max(10).optional().describe('Reply buttons; each is its own output.'),
    list: z
      .strictObject({
        buttonLabel: z.string().min(1).max(60).describe('Label of the button that opens the list.'),
        sections: z
          .array(z.strictObject({ title: z.string().max(60).optional(), rows: z.array(ListRowSchema).min(1) }))
          .min(1),
      })
      .optional(),
    footer: z.string().max(256).optional(),
    timeout: DurationSchema.optional().describe('With buttons or a list: how long to wait for a tap.'),
  })
  .refine((d) => !(d.buttons?.length && d.list), { message: 'a message has buttons or a list, not both' })
  .refine((d) => Boolean(d.text?.trim()) || Boolean(d.media), { message: 'a message needs text or media' });

export const QUESTION_KINDS = ['text', 'email', 'phone', 'number', 'date', 'choice'] as const;

export const ChoiceOptionSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(256),
  aliases: z.array(z.string().min(1).max(256)).max(20).optional().describe('Other ways a customer may say it.'),
});

export const QuestionDataSchema = z
  .strictObject({
    text: TemplateTextSchema.min(1).describe('The question, as the customer reads it.'),
    kind: z.enum(QUESTION_KINDS).describe('What answer to expect; invalid answers are asked again.'),
    variable: VariableNameSchema.describe('Where the answer is stored.'),
    options: z.array(ChoiceOptionSchema).max(10).optional().describe('The choices (for a choice question).'),
    min: z.number().optional(),
    max: z.number().optional(),
    invalidText: TemplateTextSchema.optional().describe('Said when the answer is not valid, before asking again.'),
    maxAttempts: z.number().int().min(1).max(10).default(3).describe('Tries before the "invalid" output.'),
    timeout: DurationSchema.optional().describe('No reply in this time: the "timeout" output.'),
  })
  .refine((d) => d.kind !== 'choice' || (d.options?.length ?? 0) >= 1, {
    message: 'a choice question needs at least one option',
    path: ['options'],
  });

export const ConditionDataSchema = z.strictObject({
  branches: z
    .array(
      z.strictObject({
        id: IdSchema,
        label: z.string().max(120).optional(),
        when: ExpressionSchema.describe('e.g. cart.total > 100 && contact.tags contains "vip"'),
      }),
    )
    .min(1)
    .max(20)
    .describe('Checked in order; the first that holds is taken, else the "else" output.'),
});

export const SetVariableDataSchema = z.strictObject({
  assignments: z
    .array(
      z.strictObject({
        variable: z
          .string()
          .regex(/^(contact\.attributes\.)?[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name, or contact.attributes.<name>')
          .refine((name) => !RESERVED_NAMES.has(name.replace(/^contact\.attributes\./, '')), 'this name is reserved')
          .describe('A flow variable, or contact.attributes.<name> to save it on the contact.'),
        value: ExpressionSchema.describe('An expression, e.g. cart.total * 0.9 or "gold".'),
      }),
    )
    .min(1)
    .max(50),
});

export const WaitDataSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('duration'), duration: DurationSchema, interruptOnReply: z.boolean().optional() }),
  z.strictObject({
    mode: z.literal('until_time'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 24-hour'),
    interruptOnReply: z.boolean().optional(),
  }),
  z.strictObject({
    mode: z.literal('until_date'),
    at: ExpressionSchema.describe('An expression giving a date-time, e.g. order.delivery_date'),
    interruptOnReply: z.boolean().optional(),
  }),
  z.strictObject({ mode: z.literal('business_hours'), interruptOnReply: z.boolean().optional() }),
]);

export const WaitForEventDataSchema = z.strictObject({
  events: z.array(z.string().min(1).max(100)).min(1).max(10).describe('e.g. order.created'),
  within: DurationSchema.describe('How long to wait before the "timeout" output.'),
  match: ExpressionSchema.optional().describe('Only events for which this holds, e.g. event.cart_token == cart.token'),
  saveAs: VariableNameSchema.optional().describe('Store the event data in this variable.'),
  interruptOnReply: z.boolean().optional().describe('A customer reply while waiting takes the "reply" output.'),
});

export const HttpRequestDataSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: TemplateTextSchema.min(1),
  headers: z.array(z.strictObject({ name: z.string().min(1).max(200), value: TemplateTextSchema })).max(30).optional(),
  body: TemplateTextSchema.optional(),
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  responseMapping: z
    .array(z.strictObject({ variable: VariableNameSchema, path: z.string().max(300).describe('e.g. data.items[0].id') }))
    .max(30)
    .optional(),
});

export const HANDOFF_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const HandoffDataSchema = z.strictObject({
  team: z.string().max(100).optional(),
  priority: z.enum(HANDOFF_PRIORITIES).default('normal'),
  reason: TemplateTextSchema.describe('What the agent reads first; may use {{variables}}.'),
  message: TemplateTextSchema.optional().describe('Told to the customer before a person takes over.'),
});

export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export const SurveyDataSchema = z.strictObject({
  kind: z.enum(SURVEY_KINDS).describe('NPS 0-10, CSAT 1-5 or CES 1-7.'),
  text: TemplateTextSchema.min(1),
  variable: VariableNameSchema.optional().describe('Also store the score in this variable.'),
  comment: z
    .strictObject({
      prompt: TemplateTextSchema.min(1),
      variable: VariableNameSchema.optional().describe('Store the comment in this variable.'),
      timeout: DurationSchema.optional().describe('Without a comment in this time (default 1 hour) the flow goes on.'),
    })
    .optional(),
  invalidText: TemplateTextSchema.optional(),
  maxAttempts: z.number().int().min(1).max(10).default(2),
  timeout: DurationSchema.optional(),
});

export const TagDataSchema = z
  .strictObject({
    add: z.array(z.string().min(1).max(100)).max(50).default([]),
    remove: z.array(z.string().min(1).max(100)).max(50).default([]),
  })
  .refine((d) => d.add.length + d.remove.length > 0, { message: 'add or remove at least one tag' });

export const WhatsAppTemplateDataSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and "_", as approved by Meta'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as pt_BR or en_US'),
  header: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('text'), params: z.array(TemplateTextSchema).max(1) }),
      z.strictObject({ kind: z.enum(['image', 'video', 'document']), url: TemplateTextSchema.min(1) }),
    ])
    .optional(),
  body: z.array(TemplateTextSchema).max(50).default([]).describe('Values for {{1}}, {{2}}... in order.'),
  urlButtons: z
    .array(z.strictObject({ index: z.number().int().min(0).max(9), param: TemplateTextSchema }))
    .max(10)
    .optional(),
  quickReplies: z
    .array(z.strictObject({ index: z.number().int().min(0).max(9), id: IdSchema, title: z.string().min(1).max(25) }))
    .max(10)
    .optional()
    .describe('Quick-reply buttons of the template; each is its own output.'),
});

export const JumpToFlowDataSchema = z.strictObject({ flowId: z.string().min(1).max(100) });

export const AbSplitDataSchema = z.strictObject({
  variants: z
    .array(z.strictObject({ id: IdSchema, label: z.string().max(120).optional(), weight: z.number().int().min(1).max(100) }))
    .min(2)
    .max(10),
});

export const CONVERSION_KINDS = ['cart_recovered', 'repurchase', 'custom'] as const;
export const ConversionDataSchema = z.strictObject({
  kind: z.enum(CONVERSION_KINDS),
  value: ExpressionSchema.optional().describe('Revenue to attribute, e.g. event.total_price'),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
});

export const EndDataSchema = z.strictObject({ reason: z.string().max(200).optional() });
