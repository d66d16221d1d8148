import { useCallback, useState } from 'react';
import type { Overview } from '../../../shared/api/contract.js';
import {
  exportFormatLabels,
  exportFormats,
  type ExportFormat,
  type ExportSummary,
} from '../../../shared/api/export-contract.js';
import { ok } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { useAppInfo } from '../../app/app-info.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import type { RevisionPick } from '../history/history-ui.js';
import { PreviewButton } from '../preview/PreviewButton.js';
import { ExportSummaryView } from './ExportSummaryView.js';
import { runExport, type ExportProgress } from './run-export.js';
import { chosenSheets, SheetChoice, type SheetChoiceValue } from './SheetChoice.js';
import { ReviewChoice, type ReviewChoiceValue } from './ReviewChoice.js';
import { VersionChoice } from './VersionChoice.js';

interface Props {
  format: ExportFormat;
  /** The sheet on screen, if any. */
  current?: { id: string; name: string } | undefined;
  onClose: () => void;
}

type Phase =
  | { name: 'choose'; error?: string }
  | { name: 'running'; progress: ExportProgress }
  | { name: 'done'; summary: ExportSummary };

/** Chooses what to export and how, runs the export with its progress, then shows the summary. */
export function ExportDialog({ format: initialFormat, current, onClose }: Props) {
  const info = useAppInfo();
  const load = useCallback(async () => {
    const overview = await invoke('repository:overview', {});
    if (!overview.ok || !current)
      return overview.ok ? ok({ overview: overview.value, revisions: [] }) : overview;
    // A sheet without history (or whose history cannot be read) exports its current state only.
    const history = await invoke('history:list', { sheetId: current.id });
    return ok({ overview: overview.value, revisions: history.ok ? history.value.revisions : [] });
  }, [current]);
  const [loaded, reload] = useResult(load);
  const [format, setFormat] = useState(initialFormat);
  const [revision, setRevision] = useState<RevisionPick>();
  const [review, setReview] = useState<ReviewChoiceValue>({ comments: false, changesSince: undefined });
  const [choice, setChoice] = useState<SheetChoiceValue>({
    scope: current ? 'sheet' : 'all',
    familyId: '',
    selected: new Set(current ? [current.id] : []),
  });
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const running = phase.name === 'running';

  const body = () => {
    if (loaded.state === 'loading') return <Loading label="Lecture du dépôt…" />;
    if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;
    const { overview, revisions } = loaded.value;
    const value = { ...choice, familyId: choice.familyId || (overview.families[0]?.id ?? '') };
    const sheetIds = chosenSheets(overview, value, current?.id);
    const single = value.scope === 'sheet';
    const nameOf = nameLookup(overview);
    // Comments and changes are the current sheet's, in Word, one sheet at a time.
    const reviewable = format === 'docx' && single && revision === undefined && current !== undefined;
    const start = async () => {
      setPhase({ name: 'running', progress: { done: 0, total: sheetIds.length } });
      const plan = {
        sheetIds,
        format,
        ...(single && revision !== undefined ? { revision: revision.id } : {}),
        ...(reviewable && review.comments ? { comments: true } : {}),
        ...(reviewable && review.changesSince !== undefined ? { changesSince: review.changesSince.id } : {}),
      };
      const result = await runExport(plan, info?.host ?? 'browser', (progress) =>
        setPhase({ name: 'running', progress }),
      );
      if (!result.ok) setPhase({ name: 'choose', error: result.error.message });
      else if (result.value === null) setPhase({ name: 'choose' });
      else setPhase({ name: 'done', summary: result.value });
    };
    if (phase.name === 'done') return <ExportSummaryView summary={phase.summary} nameOf={nameOf} />;
    return (
      <>
        <fieldset className="export-fieldset" disabled={running}>
          <legend>Format</legend>
          {exportFormats.map((candidate) => (
            <label key={candidate} className="export-choice">
              <input
                type="radio"
                name="export-format"
                checked={format === candidate}
                onChange={() => setFormat(candidate)}
                data-testid={`export-format-${candidate}`}
              />
              {exportFormatLabels[candidate]} (.{candidate})
            </label>
          ))}
        </fieldset>
        <SheetChoice overview={overview} currentName={current?.name} value={value} onChange={setChoice} />
        {single && revisions.length > 0 && (
          <VersionChoice revisions={revisions} value={revision} onChange={setRevision} />
        )}
        {reviewable && <ReviewChoice revisions={revisions} value={review} onChange={setReview} />}
        {phase.name === 'running' && (
          <p className="export-progress" aria-live="polite" data-testid="export-progress">
            <progress value={phase.progress.done} max={Math.max(1, phase.progress.total)} />
            {info?.host === 'electron'
              ? `Export de ${sheetIds.length}\u00a0fiche${sheetIds.length > 1 ? 's' : ''}…`
              : `${phase.progress.done}\u00a0/ ${phase.progress.total}`}
          </p>
        )}
        {phase.name === 'choose' && phase.error && (
          <ErrorNotice message={phase.error} testId="export-error" />
        )}
        <div className="dialog-actions">
          {format === 'pdf' && single && current && (
            <PreviewButton sheetId={current.id} name={current.name} revision={revision} />
          )}
          <button type="button" className="button" onClick={onClose} disabled={running}>
            Annuler
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={running || sheetIds.length === 0}
            onClick={() => void start()}
            data-testid="export-run"
          >
            {sheetIds.length > 1 ? `Exporter ${sheetIds.length}\u00a0fiches` : 'Exporter'}
          </button>
        </div>
      </>
    );
  };

  return (
    <Dialog title="Exporter" onClose={running ? () => undefined : onClose} testId="export-dialog">
      <div className="dialog-body export-dialog">{body()}</div>
      {phase.name === 'done' && (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setPhase({ name: 'choose' })}>
            Exporter autre chose
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={onClose}
            data-testid="export-close"
          >
            Fermer
          </button>
        </div>
      )}
    </Dialog>
  );
}

function nameLookup(overview: Overview): (sheetId: string) => string {
  const names = new Map(
    overview.families.flatMap((family) =>
      family.variables.map((variable) => [variable.id, variable.name] as const),
    ),
  );
  return (sheetId) => names.get(sheetId) ?? sheetId;
}
