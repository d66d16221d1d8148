import type { ThreadChange } from '../../../shared/history/diff-schema.js';

const labels: Record<ThreadChange['kind'], string> = {
  new: 'Nouveau',
  resolved: 'Résolu',
  reopened: 'Rouvert',
  replied: 'Répondu',
  edited: 'Modifié',
  deleted: 'Supprimé',
};

function detail(change: ThreadChange): string {
  switch (change.kind) {
    case 'resolved':
      return change.by ? ` par ${change.by}` : '';
    case 'replied':
      return ` (${change.count === 1 ? '1 réponse' : `${change.count ?? 0}\u00a0réponses`}${change.by ? ` de ${change.by}` : ''})`;
    default:
      return '';
  }
}

/** The comment threads a comparison lists: new, resolved, reopened, answered, edited, deleted. */
export function DiffThreads({ changes }: { changes: readonly ThreadChange[] }) {
  return (
    <section className="diff-part" data-testid="compare-review">
      <header className="diff-part-header">
        <h3>Commentaires</h3>
      </header>
      <ul className="diff-threads">
        {changes.map((change, index) => (
          <li key={`${change.thread}-${change.kind}-${index}`} data-testid={`compare-thread-${change.kind}`}>
            <span className="diff-tag">
              {labels[change.kind]}
              {detail(change)}
            </span>{' '}
            <span className="muted">{change.partTitle}</span> — <q>{change.quote}</q> — {change.author}
            {'\u00a0'}: {change.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
