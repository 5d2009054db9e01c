import { CONVERSION_KINDS } from '@jornada/flow-engine';
import { useI18n, useT } from '../../../i18n/index.js';
import { currencyOptions } from '../../../settings/regions.js';
import { ChoiceField } from '../fields/choice-fields.js';
import { ListEditor } from '../fields/list-editor.js';
import { NumberField } from '../fields/number-field.js';
import { ExpressionField, TemplateField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { nextId } from '../ids.js';
import { compact, optionalText, type NodeFormProps } from './form-kit.js';

type TemplateData = NodeFormProps<'whatsapp_template'>['data'];
type HeaderKind = 'none' | NonNullable<TemplateData['header']>['kind'];
const HEADER_KINDS = ['none', 'text', 'image', 'video', 'document'] as const satisfies readonly HeaderKind[];
const TEMPLATE_LANGUAGES = ['pt_BR', 'en_US', 'en', 'es', 'es_MX', 'pt_PT', 'en_GB'];

function headerOf(kind: HeaderKind): TemplateData['header'] {
  if (kind === 'none') return undefined;
  return kind === 'text' ? { kind, params: [] } : { kind, url: 'https://' };
}

/** A WhatsApp message template approved by Meta: name, language, values for its placeholders and buttons. */
export function WhatsAppTemplateForm({ data, onChange }: NodeFormProps<'whatsapp_template'>) {
  const t = useT();
  const header = data.header;
  const quickReplies = data.quickReplies ?? [];
  const urlButtons = data.urlButtons ?? [];
  return (
    <>
      <InspectorTextField path="name" label={t('inspector.field.templateName')} mono maxLength={512} spellCheck={false} placeholder="order_update" value={data.name} onCommit={(name) => onChange({ ...data, name: name.trim() })} />
      <InspectorTextField path="language" label={t('inspector.field.templateLanguage')} mono spellCheck={false} list="inspector-template-languages" value={data.language} onCommit={(language) => onChange({ ...data, language: language.trim() })} />
      <datalist id="inspector-template-languages">
        {TEMPLATE_LANGUAGES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <ChoiceField
        path="header.kind"
        label={t('inspector.field.header')}
        value={header?.kind ?? 'none'}
        choices={HEADER_KINDS.map((kind) => ({ value: kind, label: t(`inspector.header.${kind}`) }))}
        onChange={(kind) => onChange(compact({ ...data, header: headerOf(kind) }))}
      />
      {header?.kind === 'text' && (
        <TemplateField
          path="header.params.0"
          label={t('inspector.field.headerParam')}
          optional
          multiline={false}
          value={header.params[0] ?? ''}
          onCommit={(param) => onChange({ ...data, header: { kind: 'text', params: param === '' ? [] : [param] } })}
        />
      )}
      {header !== undefined && header.kind !== 'text' && (
        <TemplateField path="header.url" label={t('inspector.field.headerUrl')} multiline={false} value={header.url} onCommit={(url) => onChange({ ...data, header: { ...header, url } })} />
      )}
      <ListEditor
        path="body"
        legend={t('inspector.field.bodyParams')}
        items={data.body}
        max={50}
        empty={t('inspector.empty.bodyParams')}
        addLabel={t('inspector.action.addParam')}
        itemName={(_, index) => `{{${String(index + 1)}}}`}
        create={() => ''}
        onChange={(body) => onChange({ ...data, body })}
        renderItem={(param, index, update) => <TemplateField path={`body.${String(index)}`} label={t('inspector.field.param', { n: index + 1 })} multiline={false} value={param} onCommit={update} />}
      />
      <ListEditor
        path="urlButtons"
        legend={t('inspector.field.urlButtons')}
        items={urlButtons}
        max={10}
        empty={t('inspector.empty.urlButtons')}
        addLabel={t('inspector.action.addUrlButton')}
        itemName={(button) => t('inspector.item.templateButton', { n: button.index + 1 })}
        create={() => ({ index: Math.min(9, urlButtons.length), param: '' })}
        onChange={(next) => onChange(compact({ ...data, urlButtons: next.length === 0 ? undefined : next }))}
        renderItem={(button, index, update) => (
          <>
            <NumberField path={`urlButtons.${String(index)}.index`} label={t('inspector.field.buttonPosition')} min={0} max={9} value={button.index} onCommit={(at) => update({ ...button, index: at ?? 0 })} />
            <TemplateField path={`urlButtons.${String(index)}.param`} label={t('inspector.field.urlParam')} multiline={false} value={button.param} onCommit={(param) => update({ ...button, param })} />
          </>
        )}
      />
      <ListEditor
        path="quickReplies"
        legend={t('inspector.field.quickReplies')}
        items={quickReplies}
        max={10}
        keyOf={(reply) => reply.id}
        empty={t('inspector.empty.quickReplies')}
        addLabel={t('inspector.action.addQuickReply')}
        itemName={(reply, index) => reply.title.trim() || t('inspector.item.quickReply', { n: index + 1 })}
        create={() => {
          const id = nextId('reply', quickReplies.map((q) => q.id));
          return { index: Math.min(9, quickReplies.length), id, title: t('inspector.default.quickReply', { n: Number(id.split('_')[1]) }) };
        }}
        onChange={(next) => onChange(compact({ ...data, quickReplies: next.length === 0 ? undefined : next }))}
        renderItem={(reply, index, update) => (
          <>
            <InspectorTextField path={`quickReplies.${String(index)}.title`} label={t('inspector.field.quickReplyTitle')} maxLength={25} value={reply.title} onCommit={(title) => update({ ...reply, title })} />
            <NumberField path={`quickReplies.${String(index)}.index`} label={t('inspector.field.buttonPosition')} min={0} max={9} value={reply.index} onCommit={(at) => update({ ...reply, index: at ?? 0 })} />
          </>
        )}
      />
    </>
  );
}

/** A/B split: variants with weights; each conversation takes one at random, in proportion. */
export function AbSplitForm({ data, onChange }: NodeFormProps<'ab_split'>) {
  const t = useT();
  const { format } = useI18n();
  const total = data.variants.reduce((sum, v) => sum + v.weight, 0);
  return (
    <ListEditor
      path="variants"
      legend={t('inspector.field.variants')}
      items={data.variants}
      min={2}
      max={10}
      keyOf={(variant) => variant.id}
      addLabel={t('inspector.action.addVariant')}
      itemName={(variant, index) => variant.label?.trim() || t('inspector.item.variant', { letter: String.fromCharCode(65 + index) })}
      create={() => ({ id: nextId('variant', data.variants.map((v) => v.id)), weight: 50 })}
      onChange={(variants) => onChange({ ...data, variants })}
      renderItem={(variant, index, update) => (
        <>
          <InspectorTextField path={`variants.${String(index)}.label`} label={t('inspector.field.variantLabel')} optional maxLength={120} value={variant.label ?? ''} onCommit={(label) => update(compact({ ...variant, label: optionalText(label) }))} />
          <NumberField
            path={`variants.${String(index)}.weight`}
            label={t('inspector.field.weight')}
            min={1}
            max={100}
            hint={total > 0 ? t('inspector.hint.share', { share: format.number(variant.weight / total, { style: 'percent', maximumFractionDigits: 1 }) }) : undefined}
            value={variant.weight}
            onCommit={(weight) => update({ ...variant, weight: weight ?? 1 })}
          />
        </>
      )}
    />
  );
}

/** Records a conversion (revenue attributed to the flow). */
export function ConversionForm({ data, onChange }: NodeFormProps<'conversion'>) {
  const t = useT();
  const { locale } = useI18n();
  const currencies = currencyOptions(locale);
  return (
    <>
      <ChoiceField path="kind" label={t('inspector.field.conversionKind')} value={data.kind} choices={CONVERSION_KINDS.map((kind) => ({ value: kind, label: t(`inspector.conversionKind.${kind}`) }))} onChange={(kind) => onChange({ ...data, kind })} />
      <ExpressionField path="value" label={t('inspector.field.conversionValue')} optional value={data.value ?? ''} onCommit={(value) => onChange(compact({ ...data, value: value.trim() === '' ? undefined : value }))} />
      <ChoiceField
        path="currency"
        label={t('inspector.field.currency')}
        optional
        value={data.currency ?? ''}
        choices={[{ value: '', label: t('inspector.currency.workspace') }, ...currencies.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))]}
        onChange={(currency) => onChange(compact({ ...data, currency: currency === '' ? undefined : currency }))}
      />
    </>
  );
}

/** Ends the conversation's flow, with an optional reason kept on the session. */
export function EndForm({ data, onChange }: NodeFormProps<'end'>) {
  const t = useT();
  return <InspectorTextField path="reason" label={t('inspector.field.endReason')} optional maxLength={200} value={data.reason ?? ''} onCommit={(reason) => onChange(compact({ ...data, reason: optionalText(reason) }))} />;
}
