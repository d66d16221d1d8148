import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/client.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { CredentialsFields, type CredentialsValue } from './CredentialsFields.js';

/** The server asked for credentials, or refused the last ones: asked again, then the sync runs again. */
export function CredentialsDialog({
  reason,
  onClose,
  onGiven,
}: {
  reason: string;
  onClose: () => void;
  onGiven: () => void;
}) {
  const [credentials, setCredentials] = useState<CredentialsValue>({ username: '', password: '' });
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await invoke('sync:credentials', {
      username: credentials.username.trim(),
      password: credentials.password,
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onGiven();
  };

  return (
    <Dialog title="Identifiants du dépôt partagé" onClose={onClose} testId="credentials-dialog">
      <form className="dialog-body sync-form" onSubmit={(event) => void submit(event)}>
        <p data-testid="credentials-reason">{reason}</p>
        <CredentialsFields value={credentials} onChange={setCredentials} required />
        {error && <ErrorNotice message={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" className="button button-primary" data-testid="credentials-submit">
            Synchroniser
          </button>
        </div>
      </form>
    </Dialog>
  );
}
