import type { Overview } from '../../../shared/api/contract.js';
import { AddVariableForm } from './AddVariableForm.js';
import { VariableRow } from './VariableRow.js';

type Family = Overview['families'][number];

/**
 * One family of the system of variables, numbered, with its variables in order, and the
 * open comment threads on its shared micro-scenarios (each sheet counts only its own).
 */
export function FamilyCard({ family, onChanged }: { family: Family; onChanged: () => void }) {
  return (
    <section
      className="family-card"
      data-family={familyColourIndex(family.number)}
      data-testid={`home-family-${family.id}`}
      aria-labelledby={`family-title-${family.id}`}
    >
      <h2 className="family-title" id={`family-title-${family.id}`}>
        <span className="family-number">{family.number}.</span> {family.name}
      </h2>
      {family.openThreads > 0 && (
        <p className="family-threads" data-testid={`family-threads-${family.id}`}>
          <span className="variable-threads" title="Fils de commentaires ouverts">
            {family.openThreads === 1
              ? '1\u00a0commentaire ouvert'
              : `${family.openThreads}\u00a0commentaires ouverts`}
          </span>{' '}
          sur les micro-scénarios partagés
        </p>
      )}
      <ul className="variables">
        {family.variables.map((variable) => (
          <VariableRow key={variable.id} variable={variable} onChanged={onChanged} />
        ))}
      </ul>
      <AddVariableForm familyId={family.id} onAdded={onChanged} />
    </section>
  );
}

/** Six colours in the palette (styles/base.css); a seventh family reuses the first. */
export function familyColourIndex(number: number): number {
  return ((Math.max(1, number) - 1) % 6) + 1;
}
