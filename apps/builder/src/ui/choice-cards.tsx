import { useId, type ReactNode } from 'react';
import './choice-cards.css';
import { Icon, type IconName } from './icon.js';

export interface Choice<V extends string> {
  readonly value: V;
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly icon: IconName;
}

/** One choice among a few, as cards: native radio buttons underneath, so arrows and Space work. */
export function ChoiceCards<V extends string>({ legend, choices, value, onChange }: { legend: ReactNode; choices: readonly Choice<V>[]; value: V; onChange: (value: V) => void }) {
  const name = useId();
  return (
    <fieldset className="choice-cards">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice-card">
          <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
          <span className="choice-card__icon" aria-hidden="true">
            <Icon name={choice.icon} size={18} />
          </span>
          <span className="choice-card__text">
            <span className="choice-card__title">{choice.title}</span>
            {choice.description !== undefined && <span className="choice-card__description">{choice.description}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
