import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { buildPath, Link } from '../router/index.js';
import { Button, buttonClassName } from '../ui/button.js';
import { Badge } from '../ui/feedback.js';
import { Icon } from '../ui/icon.js';
import { Spinner } from '../ui/spinner.js';
import type { SaveStatus } from './autosave.js';
import { EditorIcon, type EditorIconName } from './editor-icons.js';
import './editor-toolbar.css';

export interface ToolbarProps {
  readonly flowId: string;
  readonly name: string;
  readonly onRename: (name: string) => void;
  readonly liveVersion: number | null;
  readonly saveStatus: SaveStatus;
  readonly onRetrySave: () => void;
  readonly readOnly: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onLayout: () => void;
  readonly paletteOpen: boolean;
  readonly onTogglePalette: () => void;
  readonly errors: number;
  readonly warnings: number;
  /** False until the draft's first check has run (the counts are not known yet). */
  readonly checked: boolean;
  readonly problemsOpen: boolean;
  readonly onToggleProblems: () => void;
  readonly onShortcuts: () => void;
  readonly simulatorOpen: boolean;
  readonly onSimulate: () => void;
  readonly canPublish: boolean;
  readonly publishing: boolean;
  readonly onPublish: () => void;
}

function ToolButton({ icon, label, onClick, disabled = false, pressed, children }: { icon: EditorIconName; label: string; onClick: () => void; disabled?: boolean; pressed?: boolean; children?: ReactNode }) {
  return (
    <button type="button" className={`tool${children === undefined ? ' tool--icon' : ''}`} aria-label={children === undefined ? label : undefined} title={label} onClick={onClick} disabled={disabled} aria-pressed={pressed}>
      <EditorIcon name={icon} size={18} />
      {children}
    </button>
  );
}

/** The name, edited in place: Enter or leaving the field renames (one undoable operation), Escape reverts. */
function FlowName({ name, onRename, readOnly }: { name: string; onRename: (name: string) => void; readOnly: boolean }) {
  const t = useT();
  const [value, setValue] = useState(name);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setValue(name);
  }, [name, editing]);
  const commit = () => {
    setEditing(false);
    const next = value.trim();
    if (next === '' || next === name) {
      setValue(name);
      return;
    }
    onRename(next.slice(0, 200));
  };
  return (
    <input
      className="editor-name"
      aria-label={t('editor.name.label')}
      title={readOnly ? name : t('editor.name.edit')}
      value={value}
      readOnly={readOnly}
      maxLength={200}
      size={Math.max(8, Math.min(value.length + 1, 40))}
      onFocus={() => setEditing(true)}
      onChange={(event) => setValue(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        else if (event.key === 'Escape') {
          setValue(name);
          setEditing(false);
          requestAnimationFrame(() => event.currentTarget.blur());
        }
      }}
    />
  );
}

function SaveIndicator({ status, readOnly, onRetry }: { status: SaveStatus; readOnly: boolean; onRetry: () => void }) {
  const t = useT();
  if (readOnly) {
    return (
      <span className="save-state">
        <Icon name="info" size={14} />
        {t('editor.save.readOnly')}
      </span>
    );
  }
  switch (status.kind) {
    case 'saved':
      return (
        <span className="save-state save-state--saved" role="status">
          <Icon name="check" size={14} />
          {t('editor.save.saved')}
        </span>
      );
    case 'pending':
      return (
        <span className="save-state" role="status">
          <span className="save-state__dot" aria-hidden="true" />
          {t('editor.save.pending')}
        </span>
      );
    case 'saving':
      return (
        <span className="save-state" role="status">
          <Spinner size={12} />
          {t('editor.save.saving')}
        </span>
      );
    case 'offline':
    case 'failed':
      return (
        <span className="save-state save-state--problem" role="status">
          <Icon name="alert" size={14} />
          {status.kind === 'offline' ? t('editor.save.offline') : t('editor.save.failed')}
          <button type="button" className="save-state__retry" onClick={onRetry}>
            {t('editor.save.retry')}
          </button>
        </span>
      );
    case 'conflict':
      return (
        <span className="save-state save-state--problem" role="status">
          <Icon name="alert" size={14} />
          {t('editor.save.conflict')}
        </span>
      );
  }
}

/** The editor's top bar: back, name, status and saving; history and layout; problems, test, versions, publish. */
export function EditorToolbar(props: ToolbarProps) {
  const t = useT();
  const problemsLabel = props.checked
    ? `${t('editor.toolbar.problems')}: ${t('editor.problems.errors', { count: props.errors })}, ${t('editor.problems.warnings', { count: props.warnings })}`
    : `${t('editor.toolbar.problems')}: ${t('editor.problems.checking')}`;
  return (
    <header className="editor-toolbar">
      <div className="editor-toolbar__start">
        <Link to="/flows" className={buttonClassName({ variant: 'ghost', iconOnly: true })} aria-label={t('editor.back')} title={t('editor.back')}>
          <Icon name="arrow-left" size={18} />
        </Link>
        <div className="editor-toolbar__titles">
          <FlowName name={props.name} onRename={props.onRename} readOnly={props.readOnly} />
          <div className="editor-toolbar__meta">
            <Badge tone="neutral">{t('editor.status.draft')}</Badge>
            {props.liveVersion !== null && (
              <Badge tone="success" dot>
                {t('editor.status.live', { version: props.liveVersion })}
              </Badge>
            )}
            <SaveIndicator status={props.saveStatus} readOnly={props.readOnly} onRetry={props.onRetrySave} />
          </div>
        </div>
      </div>
      <div className="editor-toolbar__tools" role="toolbar" aria-label={t('editor.toolbar.label')}>
        {!props.readOnly && (
          <>
            <ToolButton icon="panel" label={t('editor.toolbar.palette')} onClick={props.onTogglePalette} pressed={props.paletteOpen} />
            <span className="tool-sep" aria-hidden="true" />
            <ToolButton icon="undo" label={`${t('editor.toolbar.undo')} (Ctrl+Z)`} onClick={props.onUndo} disabled={!props.canUndo} />
            <ToolButton icon="redo" label={`${t('editor.toolbar.redo')} (Ctrl+Shift+Z)`} onClick={props.onRedo} disabled={!props.canRedo} />
            <ToolButton icon="layout" label={t('editor.toolbar.layout')} onClick={props.onLayout} />
            <span className="tool-sep" aria-hidden="true" />
          </>
        )}
        <button type="button" className={`tool problems-toggle${props.errors > 0 ? ' has-errors' : props.warnings > 0 ? ' has-warnings' : ''}`} aria-pressed={props.problemsOpen} aria-label={problemsLabel} title={problemsLabel} onClick={props.onToggleProblems}>
          <span className="problems-toggle__item problems-toggle__item--error">
            <EditorIcon name="error-circle" size={16} />
            {props.checked ? props.errors : '–'}
          </span>
          <span className="problems-toggle__item problems-toggle__item--warning">
            <EditorIcon name="warning" size={16} />
            {props.checked ? props.warnings : '–'}
          </span>
        </button>
        <ToolButton icon="keyboard" label={`${t('editor.toolbar.shortcuts')} (?)`} onClick={props.onShortcuts} />
      </div>
      <div className="editor-toolbar__end">
        <Link to={buildPath('/flows/:id/versions', { id: props.flowId })} className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
          <Icon name="history" size={16} />
          {t('editor.toolbar.versions')}
        </Link>
        <Button variant="secondary" size="sm" onClick={props.onSimulate} aria-pressed={props.simulatorOpen}>
          <EditorIcon name="play" size={16} />
          {t('editor.toolbar.simulate')}
        </Button>
        {props.canPublish && (
          <>
            <Button
              variant="primary"
              size="sm"
              icon="upload"
              loading={props.publishing}
              aria-disabled={props.errors > 0 || undefined}
              aria-describedby={props.errors > 0 ? 'publish-blocked' : undefined}
              className={props.errors > 0 ? 'is-blocked' : undefined}
              onClick={props.onPublish}
            >
              {t('editor.toolbar.publish')}
            </Button>
            {props.errors > 0 && (
              <span id="publish-blocked" className="visually-hidden">
                {t('editor.publish.blocked', { count: props.errors })}
              </span>
            )}
          </>
        )}
      </div>
    </header>
  );
}
