import { useCallback, useState, type FormEvent } from 'react';
import { authorEmailSchema, nameSchema } from '../../../shared/model/names.js';
import { invoke } from '../../api/client.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { TypographicInput } from '../../ui/TypographicInput.js';
import { useResult } from '../../ui/useResult.js';
import { authorName as commentAuthor } from '../review/author.js';

/**
 * The name revisions are signed with: the user's preference, the system's user name until
 * given; and an optional e-mail address, which the commits of a shared repository carry.
 */
export function AuthorName() {
  const load = useCallback(() => invoke('preferences:get', {}), []);
  const [loaded, reload] = useResult(load);
  const [editing, setEditing] = useState<{ name: string; email: string } | null>(null);
  const [error, setError] = useState<string>();

  if (loaded.state !== 'ready') return null;
  const { authorName, authorEmail, isDefault, problem } = loaded.value;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = nameSchema.safeParse(editing?.name ?? '');
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Nom invalide.');
      return;
    }
    const email = authorEmailSchema.safeParse(editing?.email ?? '');
    if (!email.success) {
      setError(email.error.issues[0]?.message ?? 'Adresse e-mail invalide.');
      return;
    }
    const result = await invoke('preferences:set', { authorName: parsed.data, authorEmail: email.data });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setEditing(null);
    setError(undefined);
    // Comments are signed with the same name from now on.
    commentAuthor.set(result.value.authorName);
    reload();
  };

  return (
    <div className="history-author" data-testid="history-author">
      {problem && <ErrorNotice message={problem} />}
      {editing === null ? (
        <p>
          Vos versions sont signées <strong data-testid="history-author-name">{authorName}</strong>
          {isDefault && <span className="muted"> (nom d’utilisateur du système)</span>}
          {authorEmail && <span data-testid="history-author-email"> ({authorEmail})</span>}.{' '}
          <button
            type="button"
            className="button button-link"
            onClick={() => setEditing({ name: isDefault ? '' : authorName, email: authorEmail ?? '' })}
            data-testid="history-author-edit"
          >
            Modifier
          </button>
        </p>
      ) : (
        <form className="history-author-form" onSubmit={(event) => void save(event)}>
          <label className="field">
            <span className="field-label">Votre nom, tel qu’il apparaîtra dans l’historique</span>
            <TypographicInput
              className="input"
              value={editing.name}
              onValueChange={(name) => setEditing({ ...editing, name })}
              autoFocus
              maxLength={200}
              data-testid="history-author-input"
            />
          </label>
          <label className="field">
            <span className="field-label">
              Votre adresse e-mail (facultatif&nbsp;: jointe à vos envois vers un dépôt partagé)
            </span>
            <input
              className="input"
              type="email"
              value={editing.email}
              onChange={(event) => setEditing({ ...editing, email: event.target.value })}
              maxLength={200}
              data-testid="history-author-email-input"
            />
          </label>
          {error && <ErrorNotice message={error} />}
          <div className="form-actions">
            <button type="button" className="button button-small" onClick={() => setEditing(null)}>
              Annuler
            </button>
            <button
              type="submit"
              className="button button-small button-primary"
              data-testid="history-author-save"
            >
              Enregistrer
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
