import type { DamagedEntry } from '../../../shared/api/contract.js';
import { formatDateTime } from '../../ui/format.js';

/** Files set aside that no variable points at (a family file, a sheet of a removed variable). */
export function DamagedFiles({ entries }: { entries: DamagedEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="damaged-files" data-testid="damaged-files" aria-label="Fichiers mis de côté">
      <h2>Fichiers endommagés mis de côté</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.file}>
            <strong>
              {entry.kind === 'family' ? 'Fichier de famille' : 'Fiche'} «&nbsp;{entry.id}&nbsp;»
            </strong>
            &nbsp;: {entry.reason}{' '}
            <span className="muted">
              Mis de côté dans {entry.file}, le {formatDateTime(entry.setAsideAt)}.
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
