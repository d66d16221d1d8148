import { partTitle } from '../../../shared/history/titles.js';
import { revisionKindLabels, type RevisionSummary } from '../../../shared/model/history.js';
import { sheetStatusLabels } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { formatDateTime } from '../../ui/format.js';
import { historyActions, pickOf } from './history-ui.js';

interface Props {
  revision: RevisionSummary;
  template: SheetTemplate;
  selected: boolean;
}

function changesOf(revision: RevisionSummary, template: SheetTemplate): string {
  if (revision.kind === 'restore') {
    const what = revision.restoredParts?.map((key) => partTitle(template, key)).join(', ');
    return `Retour à la version n°\u00a0${revision.restoredFromSeq ?? '?'}${what ? ` pour ${what}` : ''}.`;
  }
  if (revision.kind === 'initial') return 'L’état du contenu quand son historique a commencé.';
  if (revision.kind === 'imported') {
    const from = revision.source ? ` de «\u00a0${revision.source}\u00a0»` : '';
    const what = revision.changed.map((key) => partTitle(template, key)).join(', ');
    return `Importée${from}${what ? `\u00a0: ${what}` : ''}.`;
  }
  if (revision.kind === 'import')
    return 'L’état de la fiche juste avant un import (restaurez-le pour annuler l’import).';
  if (revision.changed.length === 0) return 'Aucune modification depuis la version précédente.';
  return `Modifié\u00a0: ${revision.changed.map((key) => partTitle(template, key)).join(', ')}.`;
}

/** One revision of the timeline: what it is, who, when, what changed. */
export function RevisionEntry({ revision, template, selected }: Props) {
  const { seq, kind, name, comment, author, at, status, damaged } = revision;
  const title = name ?? revisionKindLabels[kind];
  return (
    <li
      className={`history-entry history-kind-${kind}${name ? ' history-entry-named' : ''}${selected ? ' history-entry-selected' : ''}`}
      data-testid={`history-entry-${seq}`}
      data-kind={kind}
    >
      <div className="history-entry-head">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => historyActions.toggleSelected(revision)}
          aria-label={`Choisir la version n°\u00a0${seq} pour comparer`}
          data-testid={`history-select-${seq}`}
        />
        <button
          type="button"
          className="history-entry-open"
          onClick={() => historyActions.show({ kind: 'revision', rev: pickOf(revision) })}
          title="Voir cette version"
          data-testid={`history-open-${seq}`}
        >
          {name && (
            <span className="history-entry-star" aria-hidden="true">
              ★{' '}
            </span>
          )}
          {title}
        </button>
      </div>
      <p className="history-entry-meta">
        {name ? `${revisionKindLabels[kind]} · ` : ''}n°&nbsp;{seq} · {formatDateTime(at)} · {author}
      </p>
      {comment && <p className="history-entry-comment">{comment}</p>}
      {status && <p className="history-entry-status">Statut&nbsp;: {sheetStatusLabels[status]}</p>}
      <p className="history-entry-parts">{changesOf(revision, template)}</p>
      {damaged && (
        <p className="history-entry-damaged" role="alert">
          {damaged}
        </p>
      )}
    </li>
  );
}
