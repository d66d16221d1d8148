import { createStore, useStore } from '../../ui/store.js';
import { openSyncDialog } from '../sync/sync-dialogs.js';
import { useSyncStatus } from '../sync/sync-status.js';

/** Set aside for the rest of this page's life once the user chose to start with the sample. */
const setAside = createStore(false);

/**
 * First start: Fiches has just made this repository from the sample. Most people then
 * join their team's shared repository, so that comes first; or they start with the sample.
 */
export function FirstStartWelcome() {
  const status = useSyncStatus();
  const dismissed = useStore(setAside);
  if (!status?.firstStart || dismissed) return null;
  return (
    <section className="first-start" data-testid="first-start">
      <h2>Bienvenue dans Fiches</h2>
      <p>
        Ce dépôt d’exemple vient d’être créé sur cet ordinateur. Votre équipe partage déjà ses fiches&nbsp;?
        Rejoignez son dépôt partagé&nbsp;: Fiches le copie ici, et vous y travaillez même hors ligne.
      </p>
      <div className="first-start-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => openSyncDialog('join')}
          data-testid="first-start-join"
        >
          Rejoindre un dépôt partagé…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setAside.set(true)}
          data-testid="first-start-dismiss"
        >
          Commencer avec l’exemple
        </button>
      </div>
    </section>
  );
}
