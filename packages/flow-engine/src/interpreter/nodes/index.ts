import type { NodeType } from '../../schema/flow-document.schema.js';
import type { NodeHandler } from '../node-handler.js';
import { abSplitNode } from './ab-split.node.js';
import { conditionNode } from './condition.node.js';
import { conversionNode } from './conversion.node.js';
import { endNode } from './end.node.js';
import { handoffNode } from './handoff.node.js';
import { httpRequestNode } from './http-request.node.js';
import { jumpToFlowNode } from './jump-to-flow.node.js';
import { messageNode } from './message.node.js';
import { questionNode } from './question.node.js';
import { setVariableNode } from './set-variable.node.js';
import { surveyNode } from './survey.node.js';
import { tagNode } from './tag.node.js';
import { waitForEventNode } from './wait-for-event.node.js';
import { waitNode } from './wait.node.js';
import { whatsappTemplateNode } from './whatsapp-template.node.js';

/** Every node type's behaviour; the mapped type makes a missing node type a compile error. */
export const NODE_HANDLERS: { [T in NodeType]: NodeHandler<T> } = {
  message: messageNode,
  question: questionNode,
  condition: conditionNode,
  set_variable: setVariableNode,
  wait: waitNode,
  wait_for_event: waitForEventNode,
  http_request: httpRequestNode,
  handoff: handoffNode,
  survey: surveyNode,
  tag: tagNode,
  whatsapp_template: whatsappTemplateNode,
  jump_to_flow: jumpToFlowNode,
  ab_split: abSplitNode,
  conversion: conversionNode,
  end: endNode,
};
