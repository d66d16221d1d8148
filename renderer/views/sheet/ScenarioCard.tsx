import { useMemo } from 'react';
import { angleKey as historyAngleKey, titleKey as historyTitleKey } from '../../../shared/model/history.js';
import { usePartActions } from './part-actions.js';
import { PartEditor } from './PartEditor.js';
import type { Owner, Part } from './parts.js';
import { ScenarioTitle } from './ScenarioTitle.js';
import { useSheetSession } from './session.js';

interface Props {
  owner: Owner;
  hypothesis: { id: string; label: string };
}

/** One hypothesis: its title (shown in capitals, stored as typed) and one editor per angle. */
export function ScenarioCard({ owner, hypothesis }: Props) {
  const session = useSheetSession();
  const partActions = usePartActions();
  const { angles } = session.template.microScenarios;
  const angleParts = useMemo(
    () =>
      angles.map((angle) => ({
        angle,
        part: { kind: 'scenario-angle', owner, hypothesis: hypothesis.id, angle: angle.id } as Part,
      })),
    [angles, owner, hypothesis.id],
  );
  return (
    <article
      className={`scenario-card scenario-${hypothesis.id}`}
      id={`part-scenario-${hypothesis.id}`}
      data-testid={`scenario-${hypothesis.id}`}
      data-owner={owner}
    >
      <p className="scenario-label">{hypothesis.label}</p>
      {partActions?.(
        [historyTitleKey(hypothesis.id), ...angles.map((angle) => historyAngleKey(hypothesis.id, angle.id))],
        hypothesis.label,
        owner,
      )}
      <ScenarioTitle
        owner={owner}
        hypothesis={hypothesis.id}
        label={`${hypothesis.label}, titre`}
        testId={`scenario-${hypothesis.id}-title`}
      />
      {angleParts.map(({ angle, part }) => (
        <div className="scenario-angle" key={angle.id}>
          <h4 className="angle-label">{angle.label}</h4>
          <PartEditor
            part={part}
            placeholder={`Décrivez l’évolution possible de la variable sous l’angle ${angle.label.toLowerCase()}.`}
            label={`${hypothesis.label}, angle ${angle.label.toLowerCase()}`}
            testId={`scenario-${hypothesis.id}-${angle.id}`}
          />
        </div>
      ))}
    </article>
  );
}
