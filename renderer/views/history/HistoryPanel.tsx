import { useCallback, useEffect } from 'react';
import { invoke } from '../../api/client.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { AuthorName } from './AuthorName.js';
import { useHistoryContext } from './history-context.js';
import { historyActions, type HistoryScope, type HistoryUiState } from './history-ui.js';
import { RevisionEntry } from './RevisionEntry.js';

/**
 * The sheet's history beside it: newest first, named versions standing out, two ticked to
 * compare. A sheet showing its family's micro-scenarios also offers their own history, with
 * everything the sheet's has: open a revision, compare, name a version, restore.
 */
export function HistoryPanel({ ui, familyScope }: { ui: HistoryUiState; familyScope: boolean }) {
  const { session, target } = useHistoryContext();
  const load = useCallback(() => invoke('history:list', target), [target]);
  const [loaded, reload] = useResult(load);
  // A version recorded or a restore done elsewhere: read the history again.
  useEffect(() => {
    if (ui.generation > 0) reload();
  }, [ui.generation, reload]);
  // Saves record revisions too (a sheet's first state, a status change, the interval's):
  // each one done while the panel is open reads the list again.
  useEffect(() => {
    const { autosaver } = session;
    let before = autosaver.getState().kind;
    return autosaver.subscribe(() => {
      const now = autosaver.getState().kind;
      if (now === 'saved' && before !== 'saved') reload();
      before = now;
    });
  }, [session, reload]);
  const [first, second] = [...ui.selected].sort((a, b) => a.seq - b.seq);

  return (
    <aside className="history-panel" aria-label="Historique de la fiche" data-testid="history-panel">
      <header className="history-panel-header">
        <h2>Historique</h2>
        <button
          type="button"
          className="button button-small"
          onClick={historyActions.close}
          data-testid="history-close"
        >
          Fermer
        </button>
      </header>
      {session.view.sheet.microScenarios.useFamily && <ScopeTabs familyScope={familyScope} />}
      <button
        type="button"
        className="button button-small history-save-version"
        onClick={() =>
          historyActions.openSaveVersion(session.view.sheet.id, familyScope ? 'family' : 'sheet')
        }
        data-testid="history-save-version"
      >
        Enregistrer une version…
      </button>
      {loaded.state === 'loading' && <Loading label="Lecture de l’historique…" />}
      {loaded.state === 'error' && <LoadError error={loaded.error} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p className="history-policy muted">
            {familyScope
              ? `Note et micro-scénarios communs à toutes les fiches de la famille qui les affichent. Une version est enregistrée d’elle-même après ${loaded.value.intervalMinutes}\u00a0minutes d’édition, quand vous quittez la fiche et avant toute restauration.`
              : `Une version est enregistrée d’elle-même après ${loaded.value.intervalMinutes}\u00a0minutes d’édition, quand vous quittez la fiche, à chaque changement de statut et avant toute restauration.`}
          </p>
          {loaded.value.problems.map((problem) => (
            <ErrorNotice key={problem} message={problem} testId="history-problem" />
          ))}
          <label className="history-filter">
            <input
              type="checkbox"
              checked={ui.namedOnly}
              onChange={(event) => historyActions.setNamedOnly(event.target.checked)}
              data-testid="history-named-only"
            />{' '}
            Versions nommées seulement
          </label>
          <div className="history-compare-bar">
            {first !== undefined && second === undefined && (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => historyActions.show({ kind: 'compare', from: first })}
                data-testid="history-compare-current"
              >
                Comparer la version n°&nbsp;{first.seq} avec l’état actuel
              </button>
            )}
            {first !== undefined && second !== undefined && (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => historyActions.show({ kind: 'compare', from: first, to: second })}
                data-testid="history-compare-selected"
              >
                Comparer les versions n°&nbsp;{first.seq} et n°&nbsp;{second.seq}
              </button>
            )}
            {first === undefined && <p className="muted">Cochez une ou deux versions pour les comparer.</p>}
          </div>
          <Timeline ui={ui} revisions={loaded.value.revisions} />
        </>
      )}
      <AuthorName />
    </aside>
  );
}

/** « Fiche » or « Micro-scénarios partagés de la famille »: which history the panel shows. */
function ScopeTabs({ familyScope }: { familyScope: boolean }) {
  const tab = (scope: HistoryScope, label: string, selected: boolean) => (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={`panel-tab${selected ? ' panel-tab-selected' : ''}`}
      onClick={() => historyActions.setScope(scope)}
      data-testid={`history-scope-${scope}`}
    >
      {label}
    </button>
  );
  return (
    <div className="panel-tabs" role="tablist" aria-label="Historique affiché">
      {tab('sheet', 'Fiche', !familyScope)}
      {tab('family', 'Micro-scénarios partagés de la famille', familyScope)}
    </div>
  );
}

function Timeline({
  ui,
  revisions,
}: {
  ui: HistoryUiState;
  revisions: Parameters<typeof RevisionEntry>[0]['revision'][];
}) {
  const { session } = useHistoryContext();
  const shown = ui.namedOnly ? revisions.filter((revision) => revision.kind === 'named') : revisions;
  if (shown.length === 0) {
    return (
      <p className="history-empty muted" data-testid="history-empty">
        {revisions.length === 0
          ? 'Aucune version enregistrée pour l’instant\u00a0: la première le sera dès la prochaine modification.'
          : 'Aucune version nommée\u00a0: utilisez «\u00a0Enregistrer une version…\u00a0» pour en créer une.'}
      </p>
    );
  }
  return (
    <ol className="history-timeline" data-testid="history-timeline">
      {shown.map((revision) => (
        <RevisionEntry
          key={revision.id}
          revision={revision}
          template={session.template}
          selected={ui.selected.some((picked) => picked.id === revision.id)}
        />
      ))}
    </ol>
  );
}
