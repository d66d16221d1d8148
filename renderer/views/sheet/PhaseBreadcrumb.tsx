import { Fragment } from 'react';

interface Phase {
  id: string;
  label: string;
}

/** PASSÉ > PRÉSENT > FUTURS POSSIBLES, the section's phase emphasised. */
export function PhaseBreadcrumb({ phases, current }: { phases: readonly Phase[]; current: string }) {
  return (
    <nav className="phase-breadcrumb" aria-label="Phase">
      {phases.map((phase, index) => (
        <Fragment key={phase.id}>
          {index > 0 && (
            <span className="phase-separator" aria-hidden="true">
              &gt;
            </span>
          )}
          <span
            className={phase.id === current ? 'phase phase-current' : 'phase'}
            aria-current={phase.id === current ? 'step' : undefined}
          >
            {phase.label}
          </span>
        </Fragment>
      ))}
    </nav>
  );
}
