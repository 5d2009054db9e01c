import type { FlowNode } from '@jornada/flow-engine';
import { HandoffForm, SurveyForm, TagForm } from './contact-forms.js';
import { JumpToFlowForm } from './jump-to-flow-form.js';
import { ConditionForm, HttpRequestForm, SetVariableForm } from './logic-forms.js';
import { MessageForm } from './message-form.js';
import { AbSplitForm, ConversionForm, EndForm, WhatsAppTemplateForm } from './other-forms.js';
import { QuestionForm } from './question-form.js';
import { WaitForEventForm, WaitForm } from './wait-forms.js';

/** The form of a node's data, by its type. */
export function NodeDataForm({ node, onChange, currentFlowId }: { node: FlowNode; onChange: (node: FlowNode) => void; currentFlowId?: string | undefined }) {
  switch (node.type) {
    case 'message':
      return <MessageForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'question':
      return <QuestionForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'condition':
      return <ConditionForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'set_variable':
      return <SetVariableForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'wait':
      return <WaitForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'wait_for_event':
      return <WaitForEventForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'http_request':
      return <HttpRequestForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'handoff':
      return <HandoffForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'survey':
      return <SurveyForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'tag':
      return <TagForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'whatsapp_template':
      return <WhatsAppTemplateForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'jump_to_flow':
      return <JumpToFlowForm data={node.data} currentFlowId={currentFlowId} onChange={(data) => onChange({ ...node, data })} />;
    case 'ab_split':
      return <AbSplitForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'conversion':
      return <ConversionForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
    case 'end':
      return <EndForm data={node.data} onChange={(data) => onChange({ ...node, data })} />;
  }
}
