import { useT } from '../../../i18n/index.js';
import { ChoiceField, ToggleField } from '../fields/choice-fields.js';
import { DurationField } from '../fields/duration-field.js';
import { ListEditor } from '../fields/list-editor.js';
import { StringListField } from '../fields/string-list-field.js';
import { TemplateField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { nextId } from '../ids.js';
import { compact, optionalText, type NodeFormProps } from './form-kit.js';

type MessageData = NodeFormProps<'message'>['data'];
type Button = NonNullable<MessageData['buttons']>[number];
type List = NonNullable<MessageData['list']>;
type Row = List['sections'][number]['rows'][number];
type Media = NonNullable<MessageData['media']>;
type Replies = 'none' | 'buttons' | 'list';

const MEDIA_KINDS = ['image', 'video', 'audio', 'document'] as const;

/** Every id of the message's choices: new ones must differ from all of them (they are outputs). */
function choiceIds(data: MessageData): string[] {
  return [...(data.buttons ?? []).map((b) => b.id), ...(data.list?.sections ?? []).flatMap((s) => s.rows.map((r) => r.id))];
}

export function AliasesField({ path, values, onChange }: { path: string; values: readonly string[] | undefined; onChange: (values: string[] | undefined) => void }) {
  const t = useT();
  return (
    <StringListField
      path={path}
      legend={t('inspector.field.aliases')}
      itemLabel={(index) => t('inspector.field.alias', { n: index + 1 })}
      values={values ?? []}
      max={20}
      maxLength={256}
      addLabel={t('inspector.action.addAlias')}
      onChange={(next) => onChange(next.length === 0 ? undefined : next)}
    />
  );
}

function MediaFields({ media, onChange }: { media: Media; onChange: (media: Media) => void }) {
  const t = useT();
  return (
    <div className="inspector-group">
      <ChoiceField path="media.kind" label={t('inspector.field.mediaKind')} value={media.kind} choices={MEDIA_KINDS.map((kind) => ({ value: kind, label: t(`inspector.media.${kind}`) }))} onChange={(kind) => onChange({ ...media, kind })} />
      <TemplateField path="media.url" label={t('inspector.field.mediaUrl')} multiline={false} placeholder="https://" value={media.url} onCommit={(url) => onChange({ ...media, url })} />
      <TemplateField path="media.caption" label={t('inspector.field.caption')} optional value={media.caption ?? ''} onCommit={(caption) => onChange(compact({ ...media, caption: optionalText(caption) }))} />
      {media.kind === 'document' && (
        <InspectorTextField path="media.filename" label={t('inspector.field.filename')} optional maxLength={240} value={media.filename ?? ''} onCommit={(filename) => onChange(compact({ ...media, filename: optionalText(filename) }))} />
      )}
    </div>
  );
}

function ListFields({ list, ids, onChange }: { list: List; ids: () => string[]; onChange: (list: List) => void }) {
  const t = useT();
  const newRow = (): Row => {
    const id = nextId('row', ids());
    return { id, title: t('inspector.default.row', { n: Number(id.split('_')[1]) }) };
  };
  return (
    <div className="inspector-group">
      <InspectorTextField path="list.buttonLabel" label={t('inspector.field.listButton')} maxLength={60} value={list.buttonLabel} onCommit={(buttonLabel) => onChange({ ...list, buttonLabel })} />
      <ListEditor
        path="list.sections"
        legend={t('inspector.field.sections')}
        items={list.sections}
        min={1}
        addLabel={t('inspector.action.addSection')}
        itemName={(section, index) => section.title?.trim() || t('inspector.item.section', { n: index + 1 })}
        create={() => ({ rows: [newRow()] })}
        onChange={(sections) => onChange({ ...list, sections })}
        renderItem={(section, s, update) => (
          <>
            <InspectorTextField
              path={`list.sections.${String(s)}.title`}
              label={t('inspector.field.sectionTitle')}
              optional
              maxLength={60}
              value={section.title ?? ''}
              onCommit={(title) => update(compact({ ...section, title: optionalText(title) }))}
            />
            <ListEditor
              path={`list.sections.${String(s)}.rows`}
              legend={t('inspector.field.rows')}
              items={section.rows}
              min={1}
              keyOf={(row) => row.id}
              addLabel={t('inspector.action.addRow')}
              itemName={(row, index) => row.title.trim() || t('inspector.item.row', { n: index + 1 })}
              create={newRow}
              onChange={(rows) => update({ ...section, rows })}
              renderItem={(row, r, updateRow) => {
                const base = `list.sections.${String(s)}.rows.${String(r)}`;
                return (
                  <>
                    <InspectorTextField path={`${base}.title`} label={t('inspector.field.rowTitle')} maxLength={256} value={row.title} onCommit={(title) => updateRow({ ...row, title })} />
                    <InspectorTextField
                      path={`${base}.description`}
                      label={t('inspector.field.rowDescription')}
                      optional
                      maxLength={256}
                      value={row.description ?? ''}
                      onCommit={(description) => updateRow(compact({ ...row, description: optionalText(description) }))}
                    />
                    <AliasesField path={`${base}.aliases`} values={row.aliases} onChange={(aliases) => updateRow(compact({ ...row, aliases }))} />
                  </>
                );
              }}
            />
          </>
        )}
      />
    </div>
  );
}

/** A message: text and/or media, optional reply buttons or a list (each choice is an output), footer, tap timeout. */
export function MessageForm({ data, onChange }: NodeFormProps<'message'>) {
  const t = useT();
  const replies: Replies = data.buttons !== undefined && data.buttons.length > 0 ? 'buttons' : data.list !== undefined ? 'list' : 'none';
  const ids = () => choiceIds(data);
  const newButton = (): Button => {
    const id = nextId('button', ids());
    return { id, title: t('inspector.default.button', { n: Number(id.split('_')[1]) }) };
  };
  const setReplies = (next: Replies) => {
    const base = compact({ ...data, buttons: undefined, list: undefined });
    if (next === 'buttons') onChange({ ...base, buttons: [newButton()] });
    else if (next === 'list') {
      const id = nextId('row', ids());
      onChange({ ...base, list: { buttonLabel: t('inspector.default.listButton'), sections: [{ rows: [{ id, title: t('inspector.default.row', { n: 1 }) }] }] } });
    } else onChange(compact({ ...base, timeout: undefined }));
  };
  return (
    <>
      <TemplateField path="text" label={t('inspector.field.text')} value={data.text ?? ''} onCommit={(text) => onChange(compact({ ...data, text: optionalText(text) }))} />
      <ToggleField
        path="media"
        label={t('inspector.field.attachMedia')}
        checked={data.media !== undefined}
        onChange={(on) => onChange(compact({ ...data, media: on ? { kind: 'image', url: 'https://' } : undefined }))}
      />
      {data.media !== undefined && <MediaFields media={data.media} onChange={(media) => onChange({ ...data, media })} />}
      <ChoiceField
        path="replies"
        label={t('inspector.field.replies')}
        value={replies}
        choices={[
          { value: 'none', label: t('inspector.replies.none') },
          { value: 'buttons', label: t('inspector.replies.buttons') },
          { value: 'list', label: t('inspector.replies.list') },
        ]}
        hint={t('inspector.replies.hint')}
        onChange={setReplies}
      />
      {replies === 'buttons' && (
        <ListEditor
          path="buttons"
          legend={t('inspector.field.buttons')}
          items={data.buttons ?? []}
          min={1}
          max={10}
          keyOf={(button) => button.id}
          addLabel={t('inspector.action.addButton')}
          itemName={(button, index) => button.title.trim() || t('inspector.item.button', { n: index + 1 })}
          create={newButton}
          onChange={(buttons) => onChange({ ...data, buttons })}
          renderItem={(button, index, update) => (
            <>
              <InspectorTextField path={`buttons.${String(index)}.title`} label={t('inspector.field.buttonTitle')} maxLength={256} value={button.title} onCommit={(title) => update({ ...button, title })} />
              <AliasesField path={`buttons.${String(index)}.aliases`} values={button.aliases} onChange={(aliases) => update(compact({ ...button, aliases }))} />
            </>
          )}
        />
      )}
      {replies === 'list' && data.list !== undefined && <ListFields list={data.list} ids={ids} onChange={(list) => onChange({ ...data, list })} />}
      <TemplateField path="footer" label={t('inspector.field.footer')} optional multiline={false} maxLength={256} value={data.footer ?? ''} onCommit={(footer) => onChange(compact({ ...data, footer: optionalText(footer) }))} />
      {replies !== 'none' && <DurationField path="timeout" label={t('inspector.field.tapTimeout')} optional value={data.timeout} onChange={(timeout) => onChange(compact({ ...data, timeout }))} />}
    </>
  );
}
