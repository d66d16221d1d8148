import { useCallback } from 'react';
import type { PartDiff } from '../../../shared/history/diff-schema.js';
import { META_KEY } from '../../../shared/model/history.js';
import { invoke } from '../../api/client.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { DiffMetaList, DiffPartBody } from './DiffBlocks.js';
import { DiffThreads } from './DiffThreads.js';
import { useHistoryContext } from './history-context.js';
import type { RevisionPick } from './history-ui.js';
import { RestoreButton } from './RestoreButton.js';

function ChangedPart({ part, from }: { part: PartDiff; from: RevisionPick }) {
  return (
    <section className="diff-part" data-testid={`compare-part-${part.key}`}>
      <header className="diff-part-header">
        <h3>{part.title}</h3>
        <RestoreButton
          rev={from}
          parts={[part.key]}
          what={`la partie «\u00a0${part.title}\u00a0»`}
          label={`Restaurer la version n°\u00a0${from.seq} de cette section`}
          testId={`compare-restore-${part.key}`}
        />
      </header>
      <DiffPartBody part={part} />
    </section>
  );
}

/** Two states of the sheet side by side in one text: section by section, changes marked inline. */
export function CompareView({ from, to }: { from: RevisionPick; to?: RevisionPick }) {
  const { target } = useHistoryContext();
  const [fromId, toId] = [from.id, to?.id];
  const load = useCallback(
    () => invoke('history:compare', { ...target, from: fromId, ...(toId !== undefined ? { to: toId } : {}) }),
    [target, fromId, toId],
  );
  const [loaded, reload] = useResult(load);
  if (loaded.state === 'loading') return <Loading label="Comparaison…" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;

  const diff = loaded.value;
  const changed = diff.parts.filter((part) => part.changed);
  const unchanged = diff.parts.filter((part) => !part.changed);
  const against = to === undefined ? 'l’état actuel' : `la version n°\u00a0${to.seq}`;
  return (
    <div className="history-compare" data-testid="compare-view">
      <header className="history-screen-header">
        <div>
          <h2>
            Version n°&nbsp;{from.seq} → {to === undefined ? 'état actuel' : `version n°\u00a0${to.seq}`}
          </h2>
          <p className="muted">
            <del>Supprimé</del> et <ins>ajouté</ins> entre la version n°&nbsp;{from.seq} et {against}.
          </p>
        </div>
      </header>
      {changed.length === 0 && diff.meta.length === 0 && diff.review.length === 0 && (
        <p className="history-empty" data-testid="compare-identical">
          Aucune différence&nbsp;: le contenu est identique.
        </p>
      )}
      {diff.highlights.length > 0 && (
        <ul className="diff-highlights" data-testid="compare-highlights">
          {diff.highlights.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {diff.meta.length > 0 && (
        <section className="diff-part" data-testid="compare-meta">
          <header className="diff-part-header">
            <h3>Statut, auteurs et micro-scénarios</h3>
            <RestoreButton
              rev={from}
              parts={[META_KEY]}
              what="le statut, les auteurs et le choix des micro-scénarios"
              label={`Restaurer ceux de la version n°\u00a0${from.seq}`}
              testId="compare-restore-meta"
            />
          </header>
          <DiffMetaList changes={diff.meta} />
        </section>
      )}
      {changed.map((part) => (
        <ChangedPart key={part.key} part={part} from={from} />
      ))}
      {diff.review.length > 0 && <DiffThreads changes={diff.review} />}
      {unchanged.length > 0 && (
        <p className="diff-unchanged muted" data-testid="compare-unchanged">
          Sans changement&nbsp;: {unchanged.map((part) => part.title).join(', ')}.
        </p>
      )}
    </div>
  );
}
