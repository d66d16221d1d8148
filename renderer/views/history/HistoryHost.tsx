import { useEffect, useMemo, useState } from 'react';
import { useSheetSession } from '../sheet/session.js';
import { CompareView } from './CompareView.js';
import { HistoryContext } from './history-context.js';
import { historyActions, useHistoryUi } from './history-ui.js';
import { HistoryPanel } from './HistoryPanel.js';
import { RevisionView } from './RevisionView.js';
import { SaveVersionDialog } from './SaveVersionDialog.js';
import './history.css';

/** How long « Version enregistrée » stays on screen. */
const NOTICE_MS = 4000;

/**
 * The history of the open sheet: the panel, the revision or comparison it opened, the
 * « Enregistrer une version… » dialog and its shortcut (Ctrl+S, ⌘S on a Mac).
 */
export function HistoryHost({ onRestored }: { onRestored: () => void }) {
  const session = useSheetSession();
  const sheetId = session.view.sheet.id;
  const ui = useHistoryUi(sheetId);
  const [notice, setNotice] = useState<string>();
  const familyId = session.view.family.id;
  // The family's history is offered only where its micro-scenarios are shown.
  const familyScope = ui.scope === 'family' && session.view.sheet.microScenarios.useFamily;
  const context = useMemo(
    () => ({ session, onRestored, target: familyScope ? { familyId } : { sheetId } }),
    [session, onRestored, familyScope, familyId, sheetId],
  );
  // The version named is the one the dialog was opened for, whatever the panel shows meanwhile.
  const savingFamily = ui.savingVersion === 'family' && session.view.sheet.microScenarios.useFamily;
  const savingContext = useMemo(
    () => ({ session, onRestored, target: savingFamily ? { familyId } : { sheetId } }),
    [session, onRestored, savingFamily, familyId, sheetId],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 's') return;
      // The browser would offer to save the page: here Ctrl+S names a version of the sheet,
      // or of the family's shared content while the history panel shows theirs.
      event.preventDefault();
      historyActions.openSaveVersion(sheetId, ui.open && familyScope ? 'family' : 'sheet');
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [sheetId, ui.open, familyScope]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <HistoryContext.Provider value={context}>
      {ui.savingVersion && (
        <HistoryContext.Provider value={savingContext}>
          <SaveVersionDialog onSaved={(name) => setNotice(`Version «\u00a0${name}\u00a0» enregistrée.`)} />
        </HistoryContext.Provider>
      )}
      {notice && (
        <p className="history-notice" role="status" data-testid="save-version-done">
          {notice}
        </p>
      )}
      {ui.open && ui.screen && (
        <section
          className="history-screen"
          aria-label={familyScope ? 'Version des micro-scénarios partagés' : 'Version de la fiche'}
          data-testid="history-screen"
        >
          <button
            type="button"
            className="button button-small history-screen-close"
            onClick={() => historyActions.show(null)}
            data-testid="history-screen-close"
          >
            ← Retour à la fiche
          </button>
          {ui.screen.kind === 'revision' ? (
            <RevisionView key={ui.screen.rev.id} rev={ui.screen.rev} />
          ) : (
            <CompareView
              key={`${ui.screen.from.id}-${ui.screen.to?.id ?? 'now'}`}
              from={ui.screen.from}
              to={ui.screen.to}
            />
          )}
        </section>
      )}
      {ui.open && <HistoryPanel ui={ui} familyScope={familyScope} />}
    </HistoryContext.Provider>
  );
}
