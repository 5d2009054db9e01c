import type { FlowDocument } from '@jornada/flow-engine';
import { useT } from '../i18n/index.js';
import { IconButton } from '../ui/button.js';
import { Icon } from '../ui/icon.js';
import { EditorIcon } from './editor-icons.js';
import { elementName } from './node-text.js';
import { findElement, type Problem } from './problems.js';
import './problems-panel.css';

/**
 * Every lint issue of the draft, errors first, each under the box it concerns. A click selects
 * and centres the box and opens its field in the inspector.
 */
export function ProblemsPanel({ problems, document, checking, onPick, onClose }: { problems: readonly Problem[]; document: FlowDocument; checking: boolean; onPick: (problem: Problem) => void; onClose: () => void }) {
  const t = useT();
  const errors = problems.filter((problem) => problem.issue.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="problems" aria-labelledby="problems-title">
      <div className="problems__header">
        <h2 id="problems-title" className="problems__title">
          {t('editor.toolbar.problems')}
        </h2>
        <span className={`problems__count problems__count--error${errors === 0 ? ' is-zero' : ''}`}>{t('editor.problems.errors', { count: errors })}</span>
        <span className={`problems__count problems__count--warning${warnings === 0 ? ' is-zero' : ''}`}>{t('editor.problems.warnings', { count: warnings })}</span>
        {checking && <span className="problems__checking">{t('editor.problems.checking')}</span>}
        <IconButton icon="x" size="sm" label={t('editor.problems.close')} onClick={onClose} className="problems__close" />
      </div>
      {problems.length === 0 ? (
        <div className="problems__none">
          <Icon name="check-circle" size={20} />
          <div>
            <p className="problems__none-title">{t('editor.problems.none.title')}</p>
            <p className="problems__none-text">{t('editor.problems.none.text')}</p>
          </div>
        </div>
      ) : (
        <ul className="problems__list">
          {problems.map((problem) => {
            const element = findElement(document, problem.targetId);
            const name = element === undefined ? t('editor.problems.flow') : elementName(t, element);
            const error = problem.issue.severity === 'error';
            return (
              <li key={problem.key}>
                <button
                  type="button"
                  className={`problem problem--${problem.issue.severity}`}
                  onClick={() => onPick(problem)}
                  disabled={problem.targetId === null && problem.issue.path === undefined}
                  aria-label={element === undefined ? undefined : `${t('editor.problems.show', { name })}: ${problem.message}`}
                >
                  <span className="problem__icon">
                    <EditorIcon name={error ? 'error-circle' : 'warning'} size={16} />
                  </span>
                  <span className="problem__text">
                    <span className="problem__where">{name}</span>
                    <span className="problem__message">{problem.message}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
