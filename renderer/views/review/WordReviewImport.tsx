import { useRef, useState } from 'react';
import { DOCX_TYPES } from '../import/import-files.js';
import type { ReviewImportResult } from '../../../shared/api/review-contract.js';
import { invoke } from '../../api/client.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { readAsBase64 } from '../../ui/read-file.js';
import { useSheetSession } from '../sheet/session.js';
import { plural } from '../../../shared/plural.js';
import { changedText, suggestionKindLabels } from '../../../shared/review/labels.js';

interface Reading {
  name: string;
  base64: string;
  result: ReviewImportResult;
}

/**
 * « Importer une relecture Word… »: a copy of this sheet that a reviewer commented and
 * changed in Word. The file is read first and what it holds is shown (comments, tracked and
 * untracked changes); nothing is written until « Importer ». Then the comments become
 * threads, the changes suggestions waiting in the text, to accept or reject in Relecture.
 */
export function WordReviewImport({ onImported }: { onImported: () => void }) {
  const session = useSheetSession();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sheetId = session.view.sheet.id;

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setBusy(true);
    try {
      const base64 = await readAsBase64(file);
      const found = await invoke('review:import', { sheetId, name: file.name, base64, apply: 'none' });
      if (found.ok) setReading({ name: file.name, base64, result: found.value });
      else setError(found.error.message);
    } catch {
      setError(`Le fichier «\u00a0${file.name}\u00a0» n’a pas pu être lu.`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const apply = async () => {
    if (!reading) return;
    setBusy(true);
    setError(undefined);
    // What was typed is saved first: the import lands on the sheet as it is now.
    if (!(await session.autosaver.flush())) {
      setBusy(false);
      setError('Vos dernières modifications ne sont pas enregistrées\u00a0: réessayez dans un instant.');
      return;
    }
    const applied = await invoke('review:import', {
      sheetId,
      name: reading.name,
      base64: reading.base64,
      apply: 'all',
    });
    setBusy(false);
    if (!applied.ok) {
      setError(applied.error.message);
      return;
    }
    setReading(null);
    onImported();
  };

  const result = reading?.result;
  const fresh = result ? result.comments.filter((comment) => !comment.known).length : 0;
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => input.current?.click()}
        disabled={busy}
        data-testid="review-import-word"
      >
        Importer une relecture Word…
      </button>
      <input
        ref={input}
        type="file"
        accept={DOCX_TYPES}
        hidden
        onChange={(event) => void read(event.target.files?.[0])}
        data-testid="review-import-input"
      />
      {error && !reading && <ErrorNotice message={error} testId="review-import-error" />}
      {reading && result && (
        <Dialog
          title="Importer une relecture Word"
          onClose={() => setReading(null)}
          testId="review-import-dialog"
          className="review-import-dialog"
        >
          <p data-testid="review-import-summary">
            «&nbsp;{reading.name}&nbsp;», relecture de la version n°&nbsp;{result.exportedRevision}
            {result.family &&
              ` (et de la version n°\u00a0${result.family.exportedRevision} des micro-scénarios partagés)`}
            &nbsp;: {plural(result.comments.length, 'commentaire')},{' '}
            {plural(result.changes.length, 'modification')} proposée{result.changes.length > 1 ? 's' : ''}.
            Rien n’est appliqué au texte&nbsp;: les modifications vous attendront dans
            «&nbsp;Relecture&nbsp;», à accepter ou refuser.
          </p>
          {result.comments.length > 0 && (
            <ul className="review-import-list" data-testid="review-import-comments">
              {result.comments.map((comment) => (
                <li key={comment.id}>
                  <span className="muted">{comment.partTitle}</span> — <q>{comment.quote}</q> —{' '}
                  {comment.author}&nbsp;: {comment.text}
                  {!comment.anchored && <span className="diff-tag"> texte supprimé</span>}
                  {comment.known && <span className="diff-tag"> déjà dans la fiche</span>}
                  {comment.known && comment.newReplies > 0 && (
                    <span className="diff-tag">
                      {' '}
                      {plural(comment.newReplies, 'nouvelle réponse', 'nouvelles réponses')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {result.changes.length > 0 && (
            <ul className="review-import-list" data-testid="review-import-changes">
              {result.changes.map((change) => (
                <li key={change.id} data-kind={change.kind} data-tracked={change.tracked}>
                  <span className="muted">{change.partTitle}</span> —{' '}
                  {suggestionKindLabels[change.kind].toLowerCase()}
                  {change.tracked ? '' : ' (sans suivi des modifications)'}&nbsp;:{' '}
                  <q>{changedText(change.text)}</q> — {change.author}
                </li>
              ))}
            </ul>
          )}
          {result.warnings.map((warning) => (
            <p className="muted" key={warning}>
              {warning}
            </p>
          ))}
          {error && <ErrorNotice message={error} testId="review-import-error" />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setReading(null)} disabled={busy}>
              Annuler
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void apply()}
              disabled={busy || fresh + result.changes.length === 0}
              data-testid="review-import-apply"
            >
              Importer
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
