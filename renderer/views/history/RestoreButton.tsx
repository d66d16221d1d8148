import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { useHistoryContext } from './history-context.js';
import { historyActions, type RevisionPick } from './history-ui.js';

interface Props {
  rev: RevisionPick;
  /** The history's part keys to restore; the whole revision when absent. */
  parts?: string[];
  /** What is restored, as the confirmation names it: « la section « Passé » ». */
  what: string;
  label: string;
  testId: string;
}

/**
 * « Restaurer… » after a confirmation. What was typed is saved first; the server records
 * the current state before restoring, so the confirmation can promise nothing is lost.
 */
export function RestoreButton({ rev, parts, what, label, testId }: Props) {
  const { session, target, onRestored } = useHistoryContext();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const restore = async () => {
    setBusy(true);
    setError(undefined);
    const saved = await session.autosaver.flush();
    if (!saved) {
      setBusy(false);
      setError(
        'Vos dernières modifications ne sont pas enregistrées\u00a0: la restauration attend qu’elles le soient. Réessayez dans un instant.',
      );
      return;
    }
    const result = await invoke('history:restore', {
      ...target,
      seq: rev.id,
      ...(parts ? { parts } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConfirming(false);
    historyActions.show(null);
    historyActions.changed();
    onRestored();
  };

  return (
    <>
      <button
        type="button"
        className="button button-small history-restore"
        onClick={() => setConfirming(true)}
        data-testid={testId}
      >
        {label}
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Restaurer ${what}\u202f?`}
          message={
            <>
              <p>
                Retour au contenu de la version n°&nbsp;{rev.seq} pour {what}.
              </p>
              <p>
                L’état actuel est d’abord enregistré dans l’historique («&nbsp;Avant
                restauration&nbsp;»)&nbsp;: restaurez-le pour annuler.
              </p>
            </>
          }
          confirmLabel="Restaurer"
          busy={busy}
          error={error}
          onConfirm={() => void restore()}
          onCancel={() => {
            setConfirming(false);
            setError(undefined);
          }}
        />
      )}
    </>
  );
}
