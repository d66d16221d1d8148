import { useSyncExternalStore } from 'react';
import type { SaveState } from './autosave.js';
import { useSheetSession } from './session.js';

function withoutFinalStop(message: string): string {
  return message.replace(/[\s.]+$/u, '');
}

function describe(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Enregistré';
    case 'saving':
      return 'Enregistrement…';
    case 'dirty':
      return 'Modifications non enregistrées';
    case 'error':
      return `Échec de l’enregistrement\u00a0: ${withoutFinalStop(state.error.message)}. Vos modifications sont conservées dans cette fenêtre\u202f; vérifiez le dossier du dépôt puis cliquez sur Réessayer.`;
  }
}

/** Where the sheet's autosave stands; the only component that re-renders when it changes. */
export function SaveStateIndicator() {
  const { autosaver } = useSheetSession();
  const state = useSyncExternalStore(autosaver.subscribe, autosaver.getState);
  return (
    <div className={`save-state save-state-${state.kind}`} role="status" aria-live="polite">
      <span data-testid="save-state">{describe(state)}</span>
      {state.kind === 'error' && (
        <button
          type="button"
          className="button button-small"
          onClick={() => void autosaver.flush()}
          data-testid="save-retry"
        >
          Réessayer
        </button>
      )}
    </div>
  );
}
