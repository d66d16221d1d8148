import { shortcutLabel } from '../../editor/toolbar-actions.js';
import { reviewActions } from '../review/review-ui.js';
import { useSheetSession } from '../sheet/session.js';
import { historyActions, useHistoryUi } from './history-ui.js';

export const SAVE_VERSION_SHORTCUT = 'Mod-s';

/** In the sheet's toolbar: name the current state, and open the sheet's history. */
export function HistoryButtons() {
  const { view } = useSheetSession();
  const sheetId = view.sheet.id;
  const ui = useHistoryUi(sheetId);
  return (
    <div className="history-buttons">
      <button
        type="button"
        className="button button-small"
        onClick={() => historyActions.openSaveVersion(sheetId)}
        title={`Enregistrer l’état actuel de la fiche sous un nom (${shortcutLabel(SAVE_VERSION_SHORTCUT)})`}
        data-testid="save-version"
      >
        Enregistrer une version…
      </button>
      <button
        type="button"
        className="button button-small"
        aria-pressed={ui.open}
        onClick={() => {
          // One panel beside the sheet at a time.
          if (!ui.open) reviewActions.close();
          historyActions.toggle(sheetId);
        }}
        data-testid="history-toggle"
      >
        Historique
      </button>
    </div>
  );
}
