import { useEffect, useState, type FormEvent } from 'react';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { CredentialsFields, credentialsOf, type CredentialsValue } from './CredentialsFields.js';
import { RemoteField } from './RemoteField.js';

/** isomorphic-git's phases, in French, with a percentage when the total is known. */
const phases: Record<string, string> = {
  Connexion: 'connexion au dépôt partagé',
  'Counting objects': 'objets comptés',
  'Compressing objects': 'objets préparés',
  'Receiving objects': 'objets reçus',
  'Resolving deltas': 'objets reconstitués',
  'Analyzing workdir': 'fichiers analysés',
  'Updating workdir': 'fichiers écrits',
};

function progressLabel({ phase, loaded, total }: { phase: string; loaded: number; total?: number }): string {
  const what = phases[phase] ?? phase;
  if (total) return `(${what}\u00a0: ${Math.round((100 * loaded) / total)}\u00a0%)`;
  return loaded > 0 ? `(${what}\u00a0: ${loaded})` : `(${what})`;
}

/**
 * « Rejoindre un dépôt partagé… »: the remote is copied into a new local repository, then
 * opened in place of this one (which stays as it is on disk). The folder is optional: by
 * default the new repository goes beside the open one, named after the remote.
 */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const [remote, setRemote] = useState('');
  const [folder, setFolder] = useState('');
  const [credentials, setCredentials] = useState<CredentialsValue>({ username: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<string>();

  // While the copy runs, how far it is, as the host reports it.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      void invoke('sync:joinProgress', {}).then((result) => {
        if (result.ok && result.value) setProgress(progressLabel(result.value));
      });
    }, 500);
    return () => clearInterval(timer);
  }, [busy]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    await flushEverything();
    const result = await invoke('sync:join', {
      remote,
      ...(folder.trim() ? { folder: folder.trim() } : {}),
      ...credentialsOf(credentials),
    });
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
      return;
    }
    // Another repository is open now: the page starts again from its home view.
    window.location.hash = '#/';
    window.location.reload();
  };

  return (
    <Dialog title="Rejoindre un dépôt partagé" onClose={onClose} testId="join-dialog">
      <form className="dialog-body sync-form" onSubmit={(event) => void submit(event)}>
        <p>
          Fiches copie le dépôt partagé sur cet ordinateur, puis l’ouvre&nbsp;; vous y travaillez même hors
          ligne.
        </p>
        <RemoteField
          label="Adresse du dépôt partagé"
          value={remote}
          onChange={setRemote}
          testId="join-remote"
        />
        <CredentialsFields value={credentials} onChange={setCredentials} />
        <label className="field">
          <span className="field-label">Dossier du nouveau dépôt (facultatif)</span>
          <input
            className="input"
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            placeholder="À côté du dépôt ouvert, au nom du dépôt partagé"
            data-testid="join-folder"
          />
        </label>
        {busy && (
          <p className="muted" role="status" data-testid="join-progress">
            Copie du dépôt partagé…{progress ? ` ${progress}` : ''}
          </p>
        )}
        {error && <ErrorNotice message={error} testId="join-error" />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="join-submit">
            Rejoindre
          </button>
        </div>
      </form>
    </Dialog>
  );
}
