import type { ExportSummary } from '../../../shared/api/export-contract.js';
import { plural } from '../../../shared/plural.js';

interface Props {
  summary: ExportSummary;
  nameOf: (sheetId: string) => string;
}

/** What succeeded, what failed and why, and what the reader should check in each file. */
export function ExportSummaryView({ summary, nameOf }: Props) {
  const failed = summary.results.filter((result) => !result.ok).length;
  const done = summary.results.length - failed;
  return (
    <div className="export-summary" data-testid="export-summary">
      <p className={failed ? 'export-summary-line has-failures' : 'export-summary-line'}>
        {plural(done, 'fiche exportée', 'fiches exportées')}
        {failed > 0 && `, ${plural(failed, 'échec', 'échecs')}`}
        {summary.target && <span className="muted"> — {summary.target}</span>}
      </p>
      <ul className="export-results">
        {summary.results.map((result) => (
          <li
            key={result.sheetId}
            className={result.ok ? 'export-result is-ok' : 'export-result is-failed'}
            data-testid={`export-result-${result.sheetId}`}
          >
            <span className="export-result-name">
              {result.ok ? '✓' : '✗'} {nameOf(result.sheetId)}
            </span>
            {result.ok && result.file && <span className="export-result-file muted">{result.file}</span>}
            {result.error && <span className="export-result-error">{result.error}</span>}
            {result.warnings.length > 0 && (
              <ul className="export-warnings">
                {result.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
