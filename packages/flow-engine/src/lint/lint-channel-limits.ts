import type { FlowDocument, FlowNode, NodeOf } from '../schema/flow-document.schema.js';
import { describeNode, issue, sentence, type LintIssue } from './issue.js';

// WhatsApp Cloud API limits. Messages beyond them are rejected by Meta, not truncated, so the
// customer would get nothing: lint blocks publishing instead.
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_TEMPLATE_QUICK_REPLY_TITLE = 25;
const MAX_LIST_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_TEXT = 4096;
const MAX_INTERACTIVE_BODY = 1024;
const MAX_CAPTION = 1024;

/** Checks each channel the flow talks on; only WhatsApp has limits worth blocking on today. */
export function lintChannelLimits(flow: FlowDocument): LintIssue[] {
  if (!flow.settings.channels.includes('whatsapp')) return [];
  return flow.nodes.flatMap((node, i) => whatsappLimits(node, `nodes.${i}.data`));
}

function whatsappLimits(node: FlowNode, base: string): LintIssue[] {
  const name = describeNode(node);
  const issues: LintIssue[] = [];
  const target = (path: string, params: Record<string, string | number>) => ({
    nodeId: node.id,
    path: `${base}.${path}`,
    params: { node: name, channel: 'WhatsApp', ...params },
  });
  const title = (path: string, text: string, max: number, what: string) => {
    if (text.length <= max) return;
    issues.push(
      issue(
        'whatsapp_button_title_too_long',
        `The ${what} "${text}" of the ${name} has ${text.length} characters; WhatsApp shows at most ${max}.`,
        target(path, { title: text, length: text.length, max }),
      ),
    );
  };
  const text = (path: string, value: string | undefined, max: number, what: string) => {
    if (value === undefined || value.length <= max) return;
    issues.push(
      issue(
        'whatsapp_text_too_long',
        `${sentence(`the ${what} of the ${name}`)} has ${value.length} characters; WhatsApp allows at most ${max} here.`,
        target(path, { length: value.length, max }),
      ),
    );
  };

  switch (node.type) {
    case 'message': {
      const { buttons, list, media } = node.data;
      if (buttons?.length) {
        if (buttons.length > MAX_BUTTONS) {
          issues.push(
            issue(
              'whatsapp_too_many_buttons',
              `The ${name} has ${buttons.length} buttons; WhatsApp shows at most ${MAX_BUTTONS}. Use a list for more choices.`,
              target('buttons', { count: buttons.length, max: MAX_BUTTONS }),
            ),
          );
        }
        buttons.forEach((b, j) => title(`buttons.${j}.title`, b.title, MAX_BUTTON_TITLE, 'button'));
      } else if (list) {
        listLimits(list, name, issues, target);
        title('list.buttonLabel', list.buttonLabel, MAX_BUTTON_TITLE, 'list button');
      }
      if (buttons?.length || list) text('text', node.data.text, MAX_INTERACTIVE_BODY, 'text');
      else if (media) {
        // A media message carries its words as the caption (the text when no caption is set).
        if (media.caption) text('media.caption', media.caption, MAX_CAPTION, 'caption');
        else text('text', node.data.text, MAX_CAPTION, 'text (sent as the caption)');
      } else text('text', node.data.text, MAX_TEXT, 'text');
      return issues;
    }
    case 'question':
      text('text', node.data.text, questionIsInteractive(node) ? MAX_INTERACTIVE_BODY : MAX_TEXT, 'text');
      text('invalidText', node.data.invalidText, MAX_TEXT, 'invalid-answer text');
      return issues;
    case 'survey':
      // CSAT and CES scores are sent as a list; NPS has 11 scores, so it is typed as text.
      text('text', node.data.text, node.data.kind === 'nps' ? MAX_TEXT : MAX_INTERACTIVE_BODY, 'text');
      text('comment.prompt', node.data.comment?.prompt, MAX_TEXT, 'comment prompt');
      text('invalidText', node.data.invalidText, MAX_TEXT, 'invalid-answer text');
      return issues;
    case 'handoff':
      text('message', node.data.message, MAX_TEXT, 'message');
      return issues;
    case 'whatsapp_template':
      (node.data.quickReplies ?? []).forEach((q, j) =>
        title(`quickReplies.${j}.title`, q.title, MAX_TEMPLATE_QUICK_REPLY_TITLE, 'quick reply'),
      );
      return issues;
    default:
      return issues;
  }
}

type List = NonNullable<NodeOf<'message'>['data']['list']>;
type Target = (path: string, params: Record<string, string | number>) => Pick<LintIssue, 'nodeId' | 'path' | 'params'>;

function listLimits(list: List, name: string, issues: LintIssue[], target: Target): void {
  const rows = list.sections.reduce((sum, s) => sum + s.rows.length, 0);
  if (rows > MAX_LIST_ROWS) {
    issues.push(
      issue(
        'whatsapp_list_too_many_rows',
        `The list of the ${name} has ${rows} rows; WhatsApp shows at most ${MAX_LIST_ROWS}.`,
        target('list.sections', { count: rows, max: MAX_LIST_ROWS }),
      ),
    );
  }
  list.sections.forEach((section, s) =>
    section.rows.forEach((row, r) => {
      if (row.title.length <= MAX_ROW_TITLE) return;
      issues.push(
        issue(
          'whatsapp_list_row_title_too_long',
          `The list row "${row.title}" of the ${name} has ${row.title.length} characters; WhatsApp shows at most ${MAX_ROW_TITLE}.`,
          target(`list.sections.${s}.rows.${r}.title`, { title: row.title, length: row.title.length, max: MAX_ROW_TITLE }),
        ),
      );
    }),
  );
}

/**
 * Whether the engine sends a choice question as buttons or a list on WhatsApp (see
 * renderChoices): then its text is an interactive body, limited to 1024 characters.
 */
function questionIsInteractive(node: NodeOf<'question'>): boolean {
  if (node.data.kind !== 'choice') return false;
  const titles = (node.data.options ?? []).map((o) => o.title.length);
  const fitsButtons = titles.length <= MAX_BUTTONS && titles.every((n) => n <= MAX_BUTTON_TITLE);
  const fitsList = titles.length <= MAX_LIST_ROWS && titles.every((n) => n <= MAX_ROW_TITLE);
  return fitsButtons || fitsList;
}
