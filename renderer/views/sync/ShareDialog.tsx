import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { CredentialsFields, credentialsOf, type CredentialsValue } from './CredentialsFields.js';
import { RemoteField } from './RemoteField.js';
import { refreshSyncStatus } from './sync-status.js';

/**
 * « Partager ce dépôt… »: the address of an empty remote (https, or http on a local
 * network) and the credentials; the repository's content becomes its first commit, sent.
 */
export function ShareDialog({ onClose, onShared }: { onClose: () => void; onShared: () => void }) {
  const [remote, setRemote] = useState('');
  const [credentials, setCredentials] = useState<CredentialsValue>({ username: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    await flushEverything();
    const result = await invoke('sync:share', { remote, ...credentialsOf(credentials) });
    setBusy(false);
    await refreshSyncStatus();
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onShared();
    onClose();
  };

  return (
    <Dialog title="Partager ce dépôt" onClose={onClose} testId="share-dialog">
      <form className="dialog-body sync-form" onSubmit={(event) => void submit(event)}>
        <p>
          Vos collègues pourront rejoindre ce dépôt et y travailler, chacun sur son ordinateur, même hors
          ligne&nbsp;: les fiches se synchronisent par un dépôt git distant (GitLab, Gitea, Forgejo, Azure
          DevOps, GitHub…), qui doit être vide.
        </p>
        <RemoteField
          label="Adresse du dépôt distant"
          value={remote}
          onChange={setRemote}
          testId="share-remote"
        />
        <CredentialsFields value={credentials} onChange={setCredentials} />
        {error && <ErrorNotice message={error} testId="share-error" />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="share-submit">
            {busy ? 'Partage…' : 'Partager'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
