import { useRef, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError, type ApiErrorDetail } from '../api/api-error.js';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';
import { MAX_FLOW_FILE_BYTES, pathInFile, readFlowFile } from './read-flow-file.js';

type Problem = { kind: 'message'; text: string } | { kind: 'invalid'; details: readonly ApiErrorDetail[]; summary: string };

/** Import an exported flow file (.json) as a new draft flow. */
export function ImportFlowDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; document: Record<string, unknown> }>();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const pick = async (chosen: File | undefined) => {
    setFile(undefined);
    setProblem(undefined);
    if (chosen === undefined) return;
    if (chosen.size > MAX_FLOW_FILE_BYTES) {
      setProblem({ kind: 'message', text: t('flows.import.tooBig') });
      return;
    }
    const read = readFlowFile(await chosen.text());
    if (!read.ok) {
      setProblem({ kind: 'message', text: read.problem === 'not-json' ? t('flows.import.notJson', { reason: read.reason }) : t('flows.import.notObject') });
      return;
    }
    setFile({ name: chosen.name, document: read.document });
  };

  const submit = async () => {
    if (file === undefined) {
      input.current?.click();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const trimmed = name.trim();
      const flow = await api.flows.import({ document: file.document, ...(trimmed === '' ? {} : { name: trimmed }) });
      toast.show({
        tone: 'success',
        message: flow.migratedFrom === undefined ? t('flows.import.done', { name: flow.name }) : t('flows.import.migrated', { name: flow.name, version: flow.migratedFrom }),
      });
      onImported();
      onClose();
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && caught.status === 400 && caught.details.length > 0) setProblem({ kind: 'invalid', details: caught.details, summary: caught.message });
      else setProblem({ kind: 'message', text: describeError(caught, t).message });
    }
  };

  return (
    <Dialog
      title={t('flows.import.title')}
      description={t('flows.import.description')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" loading={busy} disabled={file === undefined}>
            {t('flows.import.submit')}
          </Button>
        </>
      }
    >
      <div className="file-picker">
        <input
          ref={input}
          id="flow-file"
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          // The visible button opens the picker; the input itself is not a second tab stop.
          tabIndex={-1}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
        <Button variant="secondary" icon="upload" onClick={() => input.current?.click()} aria-describedby="flow-file-name">
          {t('flows.import.choose')}
        </Button>
        <span id="flow-file-name" className="file-picker__name">
          {file === undefined ? '' : t('flows.import.chosen', { file: file.name })}
        </span>
      </div>
      {problem?.kind === 'message' && (
        <Callout tone="danger" role="alert">
          {problem.text}
        </Callout>
      )}
      {problem?.kind === 'invalid' && (
        <Callout tone="danger" role="alert" title={t('flows.import.invalid')}>
          <ul className="issue-list">
            {problem.details.map((detail) => (
              <li key={`${detail.field}:${detail.message}`}>
                <code>{pathInFile(detail.field)}</code> — {detail.message}
              </li>
            ))}
          </ul>
        </Callout>
      )}
      <TextField label={t('flows.import.name')} optionalLabel={t('common.optional')} hint={t('flows.import.nameHint')} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
    </Dialog>
  );
}
