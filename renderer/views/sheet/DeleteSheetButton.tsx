import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { useSheetSession } from './session.js';

/** Deleting moves the sheet to the bin (Corbeille), after a confirmation. */
export function DeleteSheetButton() {
  const session = useSheetSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { id } = session.view.sheet;

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    // What was typed goes into the bin with the sheet.
    await session.autosaver.flush();
    const result = await invoke('sheets:delete', { id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    session.autosaver.discard();
    navigate({ name: 'home' });
  };

  return (
    <>
      <button
        type="button"
        className="button button-link button-danger-link"
        onClick={() => setConfirming(true)}
        data-testid="delete-sheet"
      >
        Supprimer la fiche…
      </button>
      {confirming && (
        <ConfirmDialog
          title={'Supprimer la fiche\u202f?'}
          message={
            <p>
              La fiche «&nbsp;{session.view.variable.name}&nbsp;» sera placée dans la corbeille. Vous pourrez
              la restaurer depuis l’accueil.
            </p>
          }
          confirmLabel="Mettre à la corbeille"
          busy={busy}
          error={error}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setError(undefined);
          }}
        />
      )}
    </>
  );
}
