import { useMemo } from 'react';
import { useStore } from '../../ui/store.js';
import { PartEditor } from './PartEditor.js';
import type { Part } from './parts.js';
import { ScenarioCard } from './ScenarioCard.js';
import { useSheetSession } from './session.js';
import { StandardText } from './StandardText.js';

/**
 * The method note, the family's note, and the three hypotheses: the sheet's own, or its
 * family's shared ones (edited here for every sheet of the family).
 */
export function MicroScenarios() {
  const session = useSheetSession();
  const { template, view } = session;
  const useFamily = useStore(session.useFamily);
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
        <PartEditor
          part={notePart}
          placeholder="Une remarque valable pour toutes les fiches de la famille (facultatif)."
          label="Note de la famille"
          testId="family-note"
        />
      </div>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={useFamily}
          disabled={session.readOnly}
          onChange={(event) => toggle(event.target.checked)}
          data-testid="use-family-toggle"
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Utiliser les micro-scénarios partagés de la famille</span>
      </label>
      {useFamily && session.readOnly && (
        <p className="shared-banner" data-testid="shared-banner-history" role="note">
          Les micro-scénarios partagés de la famille n’ont pas d’historique dans cette fiche&nbsp;: ceux
          affichés ici sont ceux d’aujourd’hui.
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
