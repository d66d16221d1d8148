import type { ImportResult } from '../../../shared/api/import-contract.js';
import { hrefOf } from '../../app/router.js';

/** What one import did: the sheet it made, where each part went, what to check. */
export function ImportResultView({ result, onOpen }: { result: ImportResult; onOpen: () => void }) {
  return (
    <div className="import-result" data-testid="import-result">
      <p className="import-result-line">
        ✓{' '}
        {result.created
          ? `Nouvelle fiche «\u00a0${result.variableName}\u00a0»`
          : `Nouvelle version de la fiche «\u00a0${result.variableName}\u00a0»`}
        {result.revision && (
          <span className="muted">
            {' '}
            — version n°&nbsp;{result.revision.seq}, «&nbsp;Import Word&nbsp;» dans l’historique
          </span>
        )}{' '}
        <a
          href={hrefOf({ name: 'sheet', id: result.sheetId })}
          onClick={onOpen}
          data-testid="import-open-sheet"
        >
          Ouvrir la fiche
        </a>
      </p>
      <ul className="import-placements">
        {result.placements.map((placement) => (
          <li key={placement.partId} className={placement.imported ? '' : 'muted'}>
            {placement.origin} → {placement.destination}
          </li>
        ))}
        {result.usesFamilyScenarios && <li>Micro-scénarios&nbsp;: ceux de la famille (identiques)</li>}
      </ul>
      {result.warnings.length > 0 && (
        <ul className="import-warnings">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
