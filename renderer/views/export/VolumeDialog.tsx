import { useCallback, useRef, useState } from 'react';
import type { Overview } from '../../../shared/api/contract.js';
import { exportFormatLabels, exportFormats, type ExportFormat } from '../../../shared/api/export-contract.js';
import type { VolumeProgress, VolumeSelection } from '../../../shared/api/volume-contract.js';
import { sheetStatusLabels, sheetStatuses, type SheetStatus } from '../../../shared/model/sheet.js';
import { invoke } from '../../api/client.js';
import { useAppInfo } from '../../app/app-info.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { runVolume, type PublishedVolume, type VolumeRun } from './run-volume.js';

type Scope = VolumeSelection['kind'];

type Phase =
  | { name: 'choose'; error?: string }
  | { name: 'running'; progress?: VolumeProgress }
  | { name: 'done'; published: PublishedVolume };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

function selectionOf(
  scope: Scope,
  families: Set<string>,
  sheets: Set<string>,
  statuses: Set<SheetStatus>,
): VolumeSelection | undefined {
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'families':
      return families.size ? { kind: 'families', families: [...families] } : undefined;
    case 'sheets':
      return sheets.size ? { kind: 'sheets', sheets: [...sheets] } : undefined;
    case 'statuses':
      return statuses.size ? { kind: 'statuses', statuses: [...statuses] } : undefined;
  }
}

/** « Publier le recueil »: the sheets, the formats, the title and the date; then progress, then the summary. */
export function VolumeDialog({ onClose }: { onClose: () => void }) {
  const info = useAppInfo();
  const load = useCallback(() => invoke('repository:overview', {}), []);
  const [loaded, reload] = useResult(load);
  const [scope, setScope] = useState<Scope>('all');
  const [families, setFamilies] = useState<Set<string>>(new Set());
  const [sheets, setSheets] = useState<Set<string>>(new Set());
  const [statuses, setStatuses] = useState<Set<SheetStatus>>(new Set(['validated', 'published']));
  const [formats, setFormats] = useState<Set<ExportFormat>>(new Set(['docx']));
  const [title, setTitle] = useState<string>();
  const [date, setDate] = useState(today);
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const run = useRef<VolumeRun | undefined>(undefined);
  const running = phase.name === 'running';

  const body = (overview: Overview) => {
    const shownTitle = title ?? `Fiches variables — ${overview.exercise.name}`;
    const selection = selectionOf(scope, families, sheets, statuses);
    const start = async () => {
      if (!selection) return;
      setPhase({ name: 'running' });
      const started = runVolume(
        {
          selection,
          formats: exportFormats.filter((format) => formats.has(format)),
          title: shownTitle,
          date,
        },
        info?.host ?? 'browser',
        (progress) => setPhase({ name: 'running', progress }),
      );
      run.current = started;
      const result = await started.done;
      run.current = undefined;
      if (!result.ok) setPhase({ name: 'choose', error: result.error.message });
      else if (result.value === null)
        setPhase({ name: 'choose', error: 'Publication annulée : rien n’a été écrit.' });
      else setPhase({ name: 'done', published: result.value });
    };
    const radio = (value: Scope, label: string) => (
      <label className="export-choice">
        <input
          type="radio"
          name="volume-scope"
          checked={scope === value}
          onChange={() => setScope(value)}
          data-testid={`volume-scope-${value}`}
        />
        {label}
      </label>
    );
    const written = overview.families.flatMap((family) =>
      family.variables.filter((variable) => variable.sheet),
    );
    return (
      <>
        <label className="export-choice-row">
          Titre
          <input
            className="input"
            value={shownTitle}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            disabled={running}
            data-testid="volume-title"
          />
        </label>
        <label className="export-choice-row">
          Date
          <input
            className="input"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            disabled={running}
            data-testid="volume-date"
          />
        </label>
        <fieldset className="export-fieldset" disabled={running}>
          <legend>Fiches</legend>
          {radio('all', 'Toutes les fiches')}
          {radio('families', 'Des familles')}
          {scope === 'families' && (
            <div className="export-selection">
              {overview.families.map((family) => (
                <label key={family.id} className="export-choice">
                  <input
                    type="checkbox"
                    checked={families.has(family.id)}
                    onChange={(event) => setFamilies(toggled(families, family.id, event.target.checked))}
                    data-testid={`volume-family-${family.id}`}
                  />
                  {family.number}.{'\u00a0'}
                  {family.name}
                </label>
              ))}
            </div>
          )}
          {radio('sheets', 'Une sélection')}
          {scope === 'sheets' && (
            <div className="export-selection">
              {written.map((variable) => (
                <label key={variable.id} className="export-choice">
                  <input
                    type="checkbox"
                    checked={sheets.has(variable.id)}
                    onChange={(event) => setSheets(toggled(sheets, variable.id, event.target.checked))}
                    data-testid={`volume-sheet-${variable.id}`}
                  />
                  {variable.name}
                </label>
              ))}
            </div>
          )}
          {radio('statuses', 'Par statut')}
          {scope === 'statuses' && (
            <div className="export-choice-row">
              {sheetStatuses.map((status) => (
                <label key={status} className="export-choice">
                  <input
                    type="checkbox"
                    checked={statuses.has(status)}
                    onChange={(event) => setStatuses(toggled(statuses, status, event.target.checked))}
                    data-testid={`volume-status-${status}`}
                  />
                  {sheetStatusLabels[status]}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <fieldset className="export-fieldset" disabled={running}>
          <legend>Format</legend>
          <div className="export-choice-row">
            {exportFormats.map((format) => (
              <label key={format} className="export-choice">
                <input
                  type="checkbox"
                  checked={formats.has(format)}
                  onChange={(event) => setFormats(toggled(formats, format, event.target.checked))}
                  data-testid={`volume-format-${format}`}
                />
                {exportFormatLabels[format]}
              </label>
            ))}
          </div>
        </fieldset>
        {running && (
          <p className="export-progress" aria-live="polite" data-testid="volume-progress">
            <progress value={phase.progress?.done ?? 0} max={Math.max(1, phase.progress?.total ?? 1)} />
            {phase.progress && phase.progress.total > 0
              ? `${phase.progress.done}\u00a0/ ${phase.progress.total}\u00a0: ${phase.progress.current}`
              : 'Préparation…'}
          </p>
        )}
        {phase.name === 'choose' && phase.error && (
          <ErrorNotice message={phase.error} testId="volume-error" />
        )}
        <div className="dialog-actions">
          {running ? (
            <button
              type="button"
              className="button"
              onClick={() => run.current?.cancel()}
              data-testid="volume-cancel"
            >
              Annuler la publication
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Fermer
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={running || !selection || formats.size === 0 || !shownTitle.trim() || !date}
            onClick={() => void start()}
            data-testid="volume-run"
          >
            Publier
          </button>
        </div>
      </>
    );
  };

  const summary = ({ summary: done, files, downloaded }: PublishedVolume) => (
    <div data-testid="volume-summary">
      <p>
        {done.included.length}
        {'\u00a0'}fiche{done.included.length > 1 ? 's' : ''} dans le recueil.
      </p>
      {files === null ? (
        <p className="export-result-error" data-testid="volume-not-saved">
          Le recueil n’a pas été enregistré (aucun emplacement choisi)&#8239;: publiez-le à nouveau pour
          l’enregistrer.
        </p>
      ) : (
        <ul className="export-results" data-testid="volume-files">
          {files.map((file) => (
            <li key={file} className="export-result is-ok">
              ✓ {downloaded ? 'Téléchargé' : 'Enregistré'}&#8239;: <span className="muted">{file}</span>
            </li>
          ))}
        </ul>
      )}
      {done.skipped.length > 0 && (
        <>
          <p>Écartées&#8239;:</p>
          <ul data-testid="volume-skipped">
            {done.skipped.map((skipped) => (
              <li key={skipped.sheetId}>
                {skipped.name}&#8239;: {skipped.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {done.warnings.length > 0 && (
        <>
          <p>À vérifier&#8239;:</p>
          <ul className="export-selection" data-testid="volume-warnings">
            {done.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-testid="volume-close">
          Fermer
        </button>
      </div>
    </div>
  );

  return (
    <Dialog title="Publier le recueil" onClose={running ? () => undefined : onClose} testId="volume-dialog">
      <div className="dialog-body export-dialog">
        {loaded.state === 'loading' && <Loading label="Lecture du dépôt…" />}
        {loaded.state === 'error' && <LoadError error={loaded.error} onRetry={reload} />}
        {loaded.state === 'ready' && (phase.name === 'done' ? summary(phase.published) : body(loaded.value))}
      </div>
    </Dialog>
  );
}
