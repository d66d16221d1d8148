import { useState } from 'react';
import type { Overview } from '../../../shared/api/contract.js';
import type { ImportResult } from '../../../shared/api/import-contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { flushEverything } from '../../app/pending-saves.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { choicesOf, initialReview, ProposalReview, reviewProblem } from './ProposalReview.js';
import { applyFile, type FileState } from './run-import.js';

interface ReviewStepProps {
  file: Extract<FileState, { status: 'ready' }>;
  overview: Overview;
  template: SheetTemplate;
  /** More files wait after this one: it can be passed. */
  canSkip: boolean;
  onImported: (result: ImportResult) => void;
  onSkip: () => void;
  onClose: () => void;
}

/** One file's review and its « Importer »; its choices start from Fiches' proposal. */
export function ReviewStep({
  file,
  overview,
  template,
  canSkip,
  onImported,
  onSkip,
  onClose,
}: ReviewStepProps) {
  const [review, setReview] = useState(() => initialReview(file.proposal, overview));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problem = reviewProblem(review, overview);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    await flushEverything();
    const applied = await applyFile(file, choicesOf(review, file.proposal));
    setBusy(false);
    if (applied.ok) onImported(applied.value);
    else setError(applied.error.message);
  };
  return (
    <>
      <ProposalReview
        proposal={file.proposal}
        overview={overview}
        template={template}
        value={review}
        onChange={setReview}
        disabled={busy}
      />
      {error && <ErrorNotice message={error} testId="import-apply-error" />}
      <div className="dialog-actions">
        {problem && <span className="import-problem muted">{problem}</span>}
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Annuler
        </button>
        {canSkip && (
          <button type="button" className="button" disabled={busy} onClick={onSkip} data-testid="import-skip">
            Passer ce fichier
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={busy || problem !== undefined}
          onClick={() => void run()}
          data-testid="import-run"
        >
          Importer
        </button>
      </div>
    </>
  );
}
