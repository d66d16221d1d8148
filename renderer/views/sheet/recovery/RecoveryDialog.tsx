import { useState } from 'react';
import type { SheetView } from '../../../../shared/api/contract.js';
import type { PartDiff, SheetDiff } from '../../../../shared/history/diff-schema.js';
import type { PartKey } from '../../../../shared/model/history.js';
import type { SheetTemplate } from '../../../../shared/model/template.js';
import { Dialog, ErrorNotice } from '../../../ui/Dialog.js';
import { formatDateTime } from '../../../ui/format.js';
import { DiffMetaList, DiffPartBody } from '../../history/DiffBlocks.js';
import { DiffThreads } from '../../history/DiffThreads.js';
import '../../history/history.css';
import { pageJournal } from '../journal.js';
import { savePatches } from '../session.js';
import { compareRecovered, type RecoveredEdit } from './recovery.js';
import './recovery.css';

interface Props {
  view: SheetView;
  template: SheetTemplate;
  offered: RecoveredEdit[];
  /** Answered: `taken` when the edits are now on the host (the sheet must load again). */
  onDone: (taken: boolean) => void;
}

function Group({
  title,
  diff,
  changedSince,
  testId,
}: {
  title?: string;
  diff: SheetDiff;
  changedSince: Set<PartKey>;
  testId: string;
}) {
  const changed = diff.parts.filter((part: PartDiff) => part.changed);
  if (changed.length === 0 && diff.meta.length === 0 && diff.review.length === 0) return null;
  return (
    <div className="recovery-group" data-testid={testId}>
      {title && <h3 className="recovery-group-title">{title}</h3>}
      {diff.meta.length > 0 && (
        <section className="diff-part">
          <header className="diff-part-header">
            <h3>Statut, auteurs et micro-scénarios</h3>
          </header>
          <DiffMetaList changes={diff.meta} />
        </section>
      )}
      {changed.map((part) => (
        <section key={part.key} className="diff-part" data-testid={`recovery-part-${part.key}`}>
          <header className="diff-part-header">
            <h3>{part.title}</h3>
            {changedSince.has(part.key) && (
              <span className="recovery-newer" data-testid="recovery-newer">
                Modifiée depuis
              </span>
            )}
          </header>
          <DiffPartBody part={part} changesOnly />
        </section>
      ))}
      {diff.review.length > 0 && <DiffThreads changes={diff.review} />}
    </div>
  );
}

/**
 * Edits typed in this browser that the host never acknowledged, offered back when the sheet
 * opens, with what taking them back would change. Nothing is written until the user
 * chooses; Escape does not choose, so nothing is lost by a stray key.
 */
export function RecoveryDialog({ view, template, offered, onDone }: Props) {
  const [comparison] = useState(() => compareRecovered(template, view, offered));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const newer = offered.filter((edit) => edit.changedSince).length;
  const when =
    offered
      .map(({ entry }) => entry.at)
      .sort()
      .at(-1) ?? '';

  const forget = async () => {
    const journal = await pageJournal();
    await journal?.remove(
      view.sheet.id,
      offered.map(({ entry }) => entry.key),
    );
  };

  const take = async () => {
    setBusy(true);
    setError(undefined);
    const result = await savePatches(
      view,
      offered.map(({ entry }) => ({ part: entry.part, value: entry.value })),
    );
    if (!result.ok) {
      setBusy(false);
      setError(
        `${result.error.message} Les modifications retrouvées restent gardées\u00a0: réessayez plus tard.`,
      );
      return;
    }
    await forget();
    onDone(true);
  };

  const giveUp = async () => {
    setBusy(true);
    await forget();
    onDone(false);
  };

  return (
    <Dialog
      title="Modifications retrouvées"
      onClose={() => {}}
      testId="recovery-dialog"
      className="recovery-dialog"
    >
      <div className="dialog-body">
        <p data-testid="recovery-lead">
          Des modifications non enregistrées de cette fiche ont été retrouvées dans ce navigateur (les
          dernières du {formatDateTime(when)})&#8239;: Fiches n’avait pas confirmé leur enregistrement.
        </p>
        {newer > 0 && (
          <p className="recovery-warning" role="alert" data-testid="recovery-warning">
            La fiche a été modifiée depuis pour {newer === 1 ? 'une partie' : `${newer}\u00a0parties`}{' '}
            (marquées «&nbsp;Modifiée depuis&nbsp;»)&nbsp;: les reprendre remplacerait la version actuelle de
            ces parties par le texte retrouvé.
          </p>
        )}
        <p className="muted">
          Ce que la reprise changerait à la fiche telle qu’elle est enregistrée&nbsp;: <del>retiré</del>,{' '}
          <ins>ajouté</ins>.
        </p>
        <div className="recovery-comparison" data-testid="recovery-comparison">
          <Group
            diff={comparison.sheet}
            changedSince={comparison.changedSince.sheet}
            testId="recovery-sheet"
          />
          {comparison.family && (
            <Group
              title="Micro-scénarios partagés de la famille"
              diff={comparison.family}
              changedSince={comparison.changedSince.family}
              testId="recovery-family"
            />
          )}
        </div>
      </div>
      {error && <ErrorNotice message={error} testId="recovery-error" />}
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          onClick={() => void giveUp()}
          disabled={busy}
          data-testid="recovery-discard"
        >
          Ne pas les reprendre
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void take()}
          disabled={busy}
          data-testid="recovery-take"
        >
          Reprendre ces modifications
        </button>
      </div>
    </Dialog>
  );
}
