import { useState, type FormEvent } from 'react';
import { versionCommentSchema, versionNameSchema } from '../../../shared/model/history.js';
import { invoke } from '../../api/client.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { TypographicInput } from '../../ui/TypographicInput.js';
import { useHistoryContext } from './history-context.js';
import { historyActions } from './history-ui.js';

/**
 * « Enregistrer une version… » (Ctrl+S): the current state under a name, with an optional
 * comment, e.g. « Version présentée au comité du 12 mars ».
 */
export function SaveVersionDialog({ onSaved }: { onSaved: (name: string) => void }) {
  const { session } = useHistoryContext();
  const [name, setName] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsedName = versionNameSchema.safeParse(name);
    if (!parsedName.success) {
      setError(parsedName.error.issues[0]?.message ?? 'Nom invalide.');
      return;
    }
    const parsedComment = versionCommentSchema.safeParse(comment);
    if (!parsedComment.success) {
      setError(parsedComment.error.issues[0]?.message ?? 'Commentaire invalide.');
      return;
    }
    setBusy(true);
    setError(undefined);
    // The version names what is on screen: what was just typed is saved first.
    const saved = await session.autosaver.flush();
    const result = saved
      ? await invoke('history:recordVersion', {
          sheetId: session.view.sheet.id,
          name: parsedName.data,
          ...(parsedComment.data ? { comment: parsedComment.data } : {}),
        })
      : null;
    setBusy(false);
    if (!result) {
      setError('Vos dernières modifications ne sont pas enregistrées\u00a0: réessayez dans un instant.');
      return;
    }
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    historyActions.closeSaveVersion();
    historyActions.changed();
    onSaved(parsedName.data);
  };

  return (
    <Dialog
      title="Enregistrer une version"
      onClose={historyActions.closeSaveVersion}
      testId="save-version-dialog"
    >
      <form className="dialog-body save-version-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Nom de la version</span>
          <TypographicInput
            className="input"
            value={name}
            onValueChange={setName}
            placeholder="Version présentée au comité du 12 mars"
            autoFocus
            required
            maxLength={200}
            data-testid="save-version-name"
          />
        </label>
        <label className="field">
          <span className="field-label">Commentaire (facultatif)</span>
          <textarea
            className="input"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={3}
            maxLength={2000}
            data-testid="save-version-comment"
          />
        </label>
        {error && <ErrorNotice message={error} testId="save-version-error" />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={historyActions.closeSaveVersion}>
            Annuler
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="save-version-submit"
          >
            Enregistrer la version
          </button>
        </div>
      </form>
    </Dialog>
  );
}
