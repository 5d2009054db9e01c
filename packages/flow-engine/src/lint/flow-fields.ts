import type { FlowDocument, FlowNode, Trigger } from '../schema/flow-document.schema.js';

/**
 * Which variables a field can read at run time:
 * - 'flow': the session's variables (declared, written by nodes, built-ins, trigger data);
 * - 'filter': a commerce trigger's filter, checked before any session exists, against the
 *   event data only (see matchTrigger);
 * - 'response': an HTTP response mapping, evaluated against `{ data, status }` of the reply.
 */
export type FieldScope = 'flow' | 'filter' | 'response';

/** One template or expression written in the flow, with where it lives. */
export interface FlowField {
  kind: 'template' | 'expression';
  source: string;
  /** Document path, e.g. 'nodes.3.data.text'. */
  path: string;
  /** Human name of the field, e.g. 'text', 'button title'. */
  field: string;
  owner: FlowNode | Trigger;
  scope: FieldScope;
}

type Add = (kind: FlowField['kind'], source: string | undefined, path: string, field: string, scope?: FieldScope) => void;

/**
 * Every template and expression of a flow, in document order. Kept in one place so the
 * syntax and variable rules cannot disagree about which fields are dynamic; it follows
 * what the node handlers pass to `render` and `evaluate`.
 */
export function flowFields(flow: FlowDocument): FlowField[] {
  const fields: FlowField[] = [];
  flow.triggers.forEach((trigger, i) => {
    if (trigger.type === 'commerce_event' && trigger.filter !== undefined) {
      fields.push({ kind: 'expression', source: trigger.filter, path: `triggers.${i}.filter`, field: 'filter', owner: trigger, scope: 'filter' });
    }
  });
  flow.nodes.forEach((node, i) => {
    const add: Add = (kind, source, path, field, scope = 'flow') => {
      if (source !== undefined) fields.push({ kind, source, path: `nodes.${i}.data.${path}`, field, owner: node, scope });
    };
    nodeFields(node, add);
  });
  return fields;
}

function nodeFields(node: FlowNode, add: Add): void {
  switch (node.type) {
    case 'message': {
      const { data } = node;
      add('template', data.text, 'text', 'text');
      add('template', data.footer, 'footer', 'footer');
      add('template', data.media?.url, 'media.url', 'media address');
      add('template', data.media?.caption, 'media.caption', 'caption');
      return;
    }
    case 'question':
      add('template', node.data.text, 'text', 'text');
      add('template', node.data.invalidText, 'invalidText', 'invalid-answer text');
      (node.data.options ?? []).forEach((o, j) => add('template', o.title, `options.${j}.title`, 'option title'));
      return;
    case 'condition':
      node.data.branches.forEach((b, j) => add('expression', b.when, `branches.${j}.when`, 'condition'));
      return;
    case 'set_variable':
      node.data.assignments.forEach((a, j) => add('expression', a.value, `assignments.${j}.value`, 'value'));
      return;
    case 'wait':
      if (node.data.mode === 'until_date') add('expression', node.data.at, 'at', 'date');
      return;
    case 'wait_for_event':
      add('expression', node.data.match, 'match', 'event match');
      return;
    case 'http_request': {
      const { data } = node;
      add('template', data.url, 'url', 'address');
      (data.headers ?? []).forEach((h, j) => add('template', h.value, `headers.${j}.value`, 'header value'));
      add('template', data.body, 'body', 'body');
      (data.responseMapping ?? []).forEach((m, j) => {
        // An empty path just stores null (a mapping row not filled in yet): nothing to block publish for.
        if (m.path.trim() !== '') add('expression', m.path, `responseMapping.${j}.path`, 'response path', 'response');
      });
      return;
    }
    case 'handoff':
      add('template', node.data.reason, 'reason', 'reason');
      add('template', node.data.message, 'message', 'message');
      return;
    case 'survey':
      add('template', node.data.text, 'text', 'text');
      add('template', node.data.comment?.prompt, 'comment.prompt', 'comment prompt');
      add('template', node.data.invalidText, 'invalidText', 'invalid-answer text');
      return;
    case 'whatsapp_template': {
      const { data } = node;
      if (data.header?.kind === 'text') data.header.params.forEach((p, j) => add('template', p, `header.params.${j}`, 'header parameter'));
      else if (data.header) add('template', data.header.url, 'header.url', 'header address');
      data.body.forEach((p, j) => add('template', p, `body.${j}`, 'body parameter'));
      (data.urlButtons ?? []).forEach((b, j) => add('template', b.param, `urlButtons.${j}.param`, 'URL button parameter'));
      return;
    }
    case 'conversion':
      add('expression', node.data.value, 'value', 'value');
      return;
    case 'tag':
    case 'jump_to_flow':
    case 'ab_split':
    case 'end':
      return;
  }
}
