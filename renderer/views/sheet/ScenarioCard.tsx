import { useMemo, useState } from 'react';
import { scenarioSchema } from '../../../shared/model/sheet.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { TypographicTitle } from '../../ui/TypographicInput.js';
import { angleKey as historyAngleKey, titleKey as historyTitleKey } from '../../../shared/model/history.js';
import { usePartActions } from './part-actions.js';
import { PartEditor } from './PartEditor.js';
import type { Owner, Part } from './parts.js';
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
  const titlePart = useMemo<Part>(
    () => ({ kind: 'scenario-title', owner, hypothesis: hypothesis.id }),
    [owner, hypothesis.id],
  );
  const angleParts = useMemo(
    () =>
      angles.map((angle) => ({
        angle,
        part: { kind: 'scenario-angle', owner, hypothesis: hypothesis.id, angle: angle.id } as Part,
      })),
    [angles, owner, hypothesis.id],
  );
  const [title, setTitle] = useState(() => session.valueOf(titlePart) as string);
  const [titleError, setTitleError] = useState<string>();

  const changeTitle = (value: string) => {
    setTitle(value);
    const parsed = scenarioSchema.shape.title.safeParse(value);
    if (!parsed.success) {
      setTitleError(parsed.error.issues[0]?.message);
      return;
    }
    setTitleError(undefined);
    session.changed(titlePart, value);
  };

  const titleId = `scenario-${owner}-${hypothesis.id}-title`;
  return (
    <article
      className={`scenario-card scenario-${hypothesis.id}`}
      id={`part-scenario-${hypothesis.id}`}
      data-testid={`scenario-${hypothesis.id}`}
      data-owner={owner}
    >
      <label className="scenario-label" htmlFor={titleId}>
        {hypothesis.label}
      </label>
      {owner === 'sheet' &&
        partActions?.(
          [
            historyTitleKey(hypothesis.id),
            ...angles.map((angle) => historyAngleKey(hypothesis.id, angle.id)),
          ],
          hypothesis.label,
        )}
      <TypographicTitle
        id={titleId}
        className="scenario-title"
        value={title}
        readOnly={session.readOnly}
        onValueChange={changeTitle}
        onBlur={() => void session.autosaver.flush()}
        placeholder="Titre de l’hypothèse"
        aria-invalid={titleError ? true : undefined}
        data-testid={`scenario-${hypothesis.id}-title`}
      />
      {titleError && <ErrorNotice message={titleError} />}
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
