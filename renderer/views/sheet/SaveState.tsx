import { useSyncExternalStore } from 'react';
import type { AppError } from '../../../shared/result.js';
import type { SaveState } from './autosave.js';
import { useSheetSession } from './session.js';

/** One short line, so the toolbar keeps its height whatever the state. */
const labels: Record<SaveState['kind'], string> = {
  saved: 'Enregistré',
  saving: 'Enregistrement…',
  dirty: 'Modifications non enregistrées',
  error: 'Échec de l’enregistrement',
};

function withoutFinalStop(message: string): string {
  return message.replace(/[\s.]+$/u, '');
}

/** What to do, for the cause at hand: a host that does not answer is no problem of the folder. */
function adviceFor(error: AppError): string {
  switch (error.code) {
    case 'unreachable':
      return 'Vos modifications sont gardées dans cette page et dans ce navigateur\u202f; elles seront enregistrées dès que Fiches répondra (la page réessaie d’elle-même). Si le serveur a été arrêté, relancez-le.';
    case 'forbidden':
      return 'Vos modifications sont gardées dans cette page\u202f; elles seront enregistrées dès qu’elle aura la bonne adresse.';
    case 'io':
    case 'locked':
    case 'read-only':
    case 'damaged':
    case 'not-a-repository':
      return 'Vos modifications sont gardées dans cette page\u202f; vérifiez le dossier du dépôt (place libre, droits d’écriture) puis cliquez sur Réessayer.';
    case 'not-found':
      return 'Copiez votre texte ailleurs avant de quitter la fiche, puis restaurez-la depuis la corbeille de l’accueil.';
    case 'invalid-request':
    case 'invalid-content':
      return 'Fiches refuse ce contenu tel quel\u202f: annulez la dernière modification (Ctrl+Z) puis cliquez sur Réessayer.';
    default:
      return 'Vos modifications sont gardées dans cette page\u202f; cliquez sur Réessayer, et si cela se répète, signalez ce message.';
  }
}

function useSaveState(): SaveState {
  const { autosaver } = useSheetSession();
  return useSyncExternalStore(autosaver.subscribe, autosaver.getState);
}

/** Where the sheet's autosave stands, in the toolbar; one of the few components that re-render when it changes. */
export function SaveStateIndicator() {
  const state = useSaveState();
  return (
    <div className={`save-state save-state-${state.kind}`} role="status" aria-live="polite">
      <span data-testid="save-state">{labels[state.kind]}</span>
    </div>
  );
}

/** Under the toolbar while saves fail: what happened, what to do, and « Réessayer ». */
export function SaveProblem() {
  const { autosaver } = useSheetSession();
  const state = useSaveState();
  if (state.kind !== 'error') return null;
  return (
    <div className="save-problem" role="alert">
      <p data-testid="save-problem">
        {withoutFinalStop(state.error.message)}. {adviceFor(state.error)}
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => void autosaver.flush()}
        data-testid="save-retry"
      >
        Réessayer
      </button>
    </div>
  );
}
