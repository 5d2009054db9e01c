import { useCallback, useState } from 'react';
import { hasErrors, lint, parseFlow, type FlowDocument } from '@jornada/flow-engine';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import type { FlowDetail, FlowDocumentJson } from '../api/types.js';
import { useT } from '../i18n/index.js';
import { describeError } from '../ui/describe-error.js';
import { useToast } from '../ui/toast.js';
import type { Autosave, SaveStatus } from './autosave.js';
import type { ConflictChoice } from './editor-dialogs.js';

export interface EditorDialogsOptions {
  readonly flow: FlowDetail;
  readonly autosave: Autosave;
  readonly saveStatus: SaveStatus;
  /** The editor's document now. */
  readonly currentDocument: () => FlowDocument;
  /** Replaces the editor's document (and its history): their version, after a conflict. */
  readonly replaceDocument: (document: FlowDocument) => void;
  readonly openProblems: () => void;
}

export type EditorDialog = 'publish' | 'shortcuts' | null;

/**
 * What the toolbar's save, publish and help buttons and the editor's dialogs do: saving what is
 * left, publishing (refused with the problems panel open while the flow has errors; confirmed in
 * a dialog after a save), the live version, the shortcuts dialog, and the three ways out of a
 * conflict with another tab (their version, mine, or mine as a copy).
 */
export function useEditorDialogs({ flow, autosave, saveStatus, currentDocument, replaceDocument, openProblems }: EditorDialogsOptions) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [dialog, setDialog] = useState<EditorDialog>(null);
  const [publishing, setPublishing] = useState(false);
  const [liveVersion, setLiveVersion] = useState(flow.currentVersion);

  const flush = useCallback(async () => {
    await autosave.flush();
  }, [autosave]);

  const requestPublish = useCallback(async () => {
    const current = lint(currentDocument());
    if (hasErrors(current)) {
      openProblems();
      const count = current.filter((issue) => issue.severity === 'error').length;
      toast.show({ tone: 'error', message: t('editor.publish.blocked', { count }) });
      return;
    }
    setPublishing(true);
    try {
      await flush();
      setDialog('publish');
    } catch {
      toast.show({ tone: 'error', message: t('editor.publish.notSaved') });
    } finally {
      setPublishing(false);
    }
  }, [currentDocument, flush, openProblems, t, toast]);

  const publish = useCallback(async () => {
    try {
      await flush();
      const published = await api.flows.publish(flow.id, { revision: autosave.revision });
      setLiveVersion(published.version);
      toast.show({ tone: 'success', message: t('editor.publish.done', { version: published.version }) });
    } catch (error) {
      if (isApiError(error) && error.code === 'flow_has_errors') openProblems();
      toast.show({ tone: 'error', ...describeError(error, t) });
      throw error;
    }
  }, [api, autosave, flow.id, flush, openProblems, t, toast]);

  const resolveConflict = useCallback(
    async (choice: ConflictChoice) => {
      if (saveStatus.kind !== 'conflict') return;
      const theirs = saveStatus.theirs;
      const loadTheirs = () => {
        const parsed = parseFlow(theirs.document);
        if (!parsed.ok) {
          toast.show({ tone: 'error', message: t('editor.conflict.unreadable') });
          autosave.acceptTheirs(theirs.revision);
          return;
        }
        replaceDocument(parsed.flow);
        autosave.acceptTheirs(theirs.revision);
      };
      try {
        if (choice === 'theirs') loadTheirs();
        else if (choice === 'mine') await autosave.overwrite(theirs.revision);
        else {
          const name = t('editor.conflict.copyName', { name: currentDocument().name }).slice(0, 200);
          const mine = { ...currentDocument(), name } as unknown as FlowDocumentJson;
          const created = await api.flows.create({ name, document: mine });
          loadTheirs();
          toast.show({ tone: 'success', message: t('editor.conflict.copied', { name: created.name }) });
        }
      } catch (error) {
        toast.show({ tone: 'error', ...describeError(error, t) });
      }
    },
    [api, autosave, currentDocument, replaceDocument, saveStatus, t, toast],
  );

  const showShortcuts = useCallback(() => setDialog('shortcuts'), []);
  const closeDialog = useCallback(() => setDialog(null), []);

  return { dialog, showShortcuts, closeDialog, publishing, liveVersion, flush, requestPublish, publish, resolveConflict };
}
