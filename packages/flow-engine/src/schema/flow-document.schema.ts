import { z } from 'zod';
import { ChannelTypeSchema, ExpressionSchema, IdSchema, JsonSchema, VariableNameSchema } from './common.schema.js';
import {
  AbSplitDataSchema,
  ConditionDataSchema,
  ConversionDataSchema,
  EndDataSchema,
  HandoffDataSchema,
  HttpRequestDataSchema,
  JumpToFlowDataSchema,
  MessageDataSchema,
  QuestionDataSchema,
  SetVariableDataSchema,
  SurveyDataSchema,
  TagDataSchema,
  WaitDataSchema,
  WaitForEventDataSchema,
  WhatsAppTemplateDataSchema,
} from './node-data.schema.js';

/** The schema version this engine writes. Older documents go through `migrateFlow`. */
export const CURRENT_SCHEMA_VERSION = 1 as const;

function node<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({
    id: IdSchema,
    type: z.literal(type),
    label: z.string().max(120).optional().describe('A name for the box on the canvas.'),
    data,
  });
}

export const FlowNodeSchema = z.discriminatedUnion('type', [
  node('message', MessageDataSchema),
  node('question', QuestionDataSchema),
  node('condition', ConditionDataSchema),
  node('set_variable', SetVariableDataSchema),
  node('wait', WaitDataSchema),
  node('wait_for_event', WaitForEventDataSchema),
  node('http_request', HttpRequestDataSchema),
  node('handoff', HandoffDataSchema),
  node('survey', SurveyDataSchema),
  node('tag', TagDataSchema),
  node('whatsapp_template', WhatsAppTemplateDataSchema),
  node('jump_to_flow', JumpToFlowDataSchema),
  node('ab_split', AbSplitDataSchema),
  node('conversion', ConversionDataSchema),
  node('end', EndDataSchema),
]);

export const COMMERCE_EVENTS = [
  'cart.abandoned',
  'order.created',
  'order.paid',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
] as const;
export const CommerceEventSchema = z.enum(COMMERCE_EVENTS);

export const TriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: IdSchema,
    type: z.literal('inbound_message'),
    match: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('any') }),
      z.strictObject({ kind: z.literal('first_contact') }),
      z.strictObject({ kind: z.literal('keyword'), keywords: z.array(z.string().min(1).max(100)).min(1).max(50) }),
      z.strictObject({ kind: z.literal('regex'), pattern: z.string().min(1).max(500), flags: z.string().regex(/^[imsu]*$/).optional() }),
    ]),
    channels: z.array(ChannelTypeSchema).optional().describe('Only on these channels; all when empty.'),
  }),
  z.strictObject({
    id: IdSchema,
    type: z.literal('commerce_event'),
    event: CommerceEventSchema,
    filter: ExpressionSchema.optional().describe('Start only when this holds, e.g. cart.total >= 50'),
  }),
  z.strictObject({ id: IdSchema, type: z.literal('manual') }),
]);

export const EdgeSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema.describe('The node or trigger the edge leaves.'),
  sourceHandle: z.string().min(1).max(64).describe('Which output of the source: "next", a button id, "timeout"...'),
  target: IdSchema,
});

export const VariableDefSchema = z.strictObject({
  name: VariableNameSchema,
  type: z.enum(['text', 'number', 'boolean', 'date', 'object', 'list']),
  default: JsonSchema.optional(),
  description: z.string().max(500).optional(),
});

export const FlowUiSchema = z.strictObject({
  positions: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).default({}),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).default({ x: 0, y: 0, zoom: 1 }),
});

export const FlowSettingsSchema = z.strictObject({
  channels: z.array(ChannelTypeSchema).min(1).default(['whatsapp']).describe('Channels this flow talks on; lint checks their limits.'),
  stepBudget: z.number().int().min(10).max(10_000).default(200).describe('Most nodes run for one event before the session stops.'),
});

/** A journey flow, schema version 1: semantics (triggers, nodes, edges, variables) apart from layout (ui). */
export const FlowDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).optional(),
  triggers: z.array(TriggerSchema).max(20),
  nodes: z.array(FlowNodeSchema).max(5_000),
  edges: z.array(EdgeSchema).max(20_000),
  variables: z.array(VariableDefSchema).max(500).default([]),
  settings: FlowSettingsSchema.default({ channels: ['whatsapp'], stepBudget: 200 }),
  ui: FlowUiSchema.default({ positions: {}, viewport: { x: 0, y: 0, zoom: 1 } }),
});

export type FlowDocument = z.infer<typeof FlowDocumentSchema>;
export type FlowDocumentInput = z.input<typeof FlowDocumentSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type NodeType = FlowNode['type'];
export type NodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;
export type Trigger = z.infer<typeof TriggerSchema>;
export type FlowEdge = z.infer<typeof EdgeSchema>;
export type VariableDef = z.infer<typeof VariableDefSchema>;
export type CommerceEvent = z.infer<typeof CommerceEventSchema>;
export const NODE_TYPES = FlowNodeSchema.options.map((o) => o.shape.type.value) as readonly NodeType[];

export { VariableNameSchema };
