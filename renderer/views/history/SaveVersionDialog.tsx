import { useState, type FormEvent } from 'react';
import { versionCommentSchema, versionNameSchema } from '../../../shared/model/history.js';
import { invoke } from '../../api/client.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { TypographicInput } from '../../ui/TypographicInput.js';
import { useHistoryContext } from './history-context.js';
import { historyActions } from './history-ui.js';

/**
 * « Enregistrer une version… » (Ctrl+S): the current state under a name, with an optional
 * comment, e.g. « Version présentée au comité du 12 mars ». The sheet's, or its family's
 * shared note and micro-scenarios' while the history panel shows theirs.
 */
export function SaveVersionDialog({ onSaved }: { onSaved: (name: string) => void }) {
  const { session, target } = useHistoryContext();
  const family = 'familyId' in target;
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
          ...target,
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
      title={family ? 'Enregistrer une version des micro-scénarios partagés' : 'Enregistrer une version'}
      onClose={historyActions.closeSaveVersion}
      testId="save-version-dialog"
    >
      <form className="dialog-body save-version-form" onSubmit={(event) => void submit(event)}>
        {family && (
          <p className="muted" data-testid="save-version-family">
            La note et les micro-scénarios partagés par toutes les fiches de la famille «&nbsp;
            {session.view.family.name}&nbsp;», tels qu’ils sont maintenant.
          </p>
        )}
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
