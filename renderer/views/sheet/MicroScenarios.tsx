import { useMemo } from 'react';
import { NOTE_KEY } from '../../../shared/model/history.js';
import { useStore } from '../../ui/store.js';
import { usePartActions } from './part-actions.js';
import { PartEditor } from './PartEditor.js';
import type { Part } from './parts.js';
import { ScenarioCard } from './ScenarioCard.js';
import { useSheetSession } from './session.js';
import { StandardText } from './StandardText.js';

/**
 * The method note, the family's note, and the three hypotheses: the sheet's own, or its
 * family's shared ones (edited here for every sheet of the family). `sharedOnly`: a past
 * revision of the family's shared content, read-only, which has no sheet of its own to
 * switch to.
 */
export function MicroScenarios({ sharedOnly = false }: { sharedOnly?: boolean }) {
  const session = useSheetSession();
  const partActions = usePartActions();
  const { template, view } = session;
  const useFamily = useStore(session.useFamily) || sharedOnly;
  const notePart = useMemo<Part>(() => ({ kind: 'family-note' }), []);
  const owner = useFamily ? 'family' : 'sheet';

  const toggle = (next: boolean) => {
    session.useFamily.set(next);
    session.changed({ kind: 'use-family' }, next);
    void session.autosaver.flush();
  };

  return (
    <section
      className="sheet-section micro-scenarios"
      id="part-micro-scenarios"
      aria-label={template.microScenarios.title}
    >
      <h2 className="display-title">{template.microScenarios.title}</h2>
      <StandardText paragraphs={template.standardTexts.microScenariosMethod} testId="standard-method" />
      <div className="family-note">
        <h3 className="family-note-title">
          Note de la famille{' '}
          <span className="muted">(commune à toutes les fiches «&nbsp;{view.family.name}&nbsp;»)</span>
        </h3>
        {partActions?.([NOTE_KEY], 'Note de la famille', 'family')}
        <PartEditor
          part={notePart}
          placeholder="Une remarque valable pour toutes les fiches de la famille (facultatif)."
          label="Note de la famille"
          testId="family-note"
        />
      </div>
      {sharedOnly ? (
        <p className="shared-banner" data-testid="shared-banner-family-revision" role="note">
          Micro-scénarios partagés par toutes les fiches de la famille «&nbsp;{view.family.number}.{' '}
          {view.family.name}&nbsp;», tels qu’ils étaient dans cette version.
        </p>
      ) : (
        <UseFamilySwitch checked={useFamily} disabled={session.readOnly} onChange={toggle} />
      )}
      {useFamily && session.readOnly && !sharedOnly && (
        <p className="shared-banner" data-testid="shared-banner-history" role="note">
          Les micro-scénarios partagés de la famille ont leur propre historique&nbsp;: ceux affichés ici sont
          ceux d’aujourd’hui. Leurs versions passées sont dans l’onglet «&nbsp;Micro-scénarios partagés de la
          famille&nbsp;» de l’historique.
        </p>
      )}
      {useFamily && !session.readOnly && (
        <p className="shared-banner" data-testid="shared-banner" role="note">
          Ces micro-scénarios sont partagés par toutes les fiches de la famille «&nbsp;{view.family.number}.{' '}
          {view.family.name}&nbsp;»&nbsp;: une modification ici s’applique à chacune d’elles.
        </p>
      )}
      <p className="scenarios-help">{template.microScenarios.help}</p>
      <div className="scenario-cards">
        {template.microScenarios.hypotheses.map((hypothesis) => (
          <ScenarioCard key={`${owner}-${hypothesis.id}`} owner={owner} hypothesis={hypothesis} />
        ))}
      </div>
    </section>
  );
}

function UseFamilySwitch(props: { checked: boolean; disabled: boolean; onChange: (next: boolean) => void }) {
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
        data-testid="use-family-toggle"
      />
      <span className="switch-track" aria-hidden="true" />
      <span>Utiliser les micro-scénarios partagés de la famille</span>
    </label>
  );
}
