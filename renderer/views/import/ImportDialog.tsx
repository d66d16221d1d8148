import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ok } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { useAppInfo } from '../../app/app-info.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { carriesFiles, droppedFiles, importsApplied, inNameOrder } from './import-files.js';
import { FileChooser } from './FileChooser.js';
import { ImportResultView } from './ImportResultView.js';
import { ReviewStep } from './ReviewStep.js';
import { analyseFile, type FileState } from './run-import.js';
import './import.css';

interface Props {
  /** Files given when the dialog opened (a drop on the home view); none: the user chooses. */
  initialFiles: File[];
  onClose: () => void;
}

const statusLabels: Record<FileState['status'], string> = {
  analysing: 'analyse…',
  failed: 'refusé',
  ready: 'à vérifier',
  imported: 'importé',
  skipped: 'passé',
};

/** « Importer des fiches Word… »: choose the files, review each one, import. */
export function ImportDialog({ initialFiles, onClose }: Props) {
  const info = useAppInfo();
  const host = info?.host ?? 'browser';
  const load = useCallback(async () => {
    const [overview, template] = await Promise.all([
      invoke('repository:overview', {}),
      invoke('template:get', {}),
    ]);
    if (!overview.ok) return overview;
    if (!template.ok) return template;
    return ok({ overview: overview.value, template: template.value });
  }, []);
  const [loaded, reload] = useResult(load);
  const [files, setFiles] = useState<FileState[]>(() =>
    initialFiles.map((file) => ({ name: file.name, status: 'analysing' })),
  );
  const [current, setCurrent] = useState(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const analysing = files.some((file) => file.status === 'analysing');

  useEffect(() => {
    // Not an attribute React knows: the folder picker is asked for by hand.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, [loaded.state]);

  /** Analyses the files one after the other; the review opens on the first one that can be imported. */
  const analyseAll = useCallback(
    async (chosen: File[], stillWanted: () => boolean = () => true) => {
      const states: FileState[] = [];
      for (const file of chosen) {
        const analysed = await analyseFile(file, host);
        if (!stillWanted()) return;
        states.push(analysed);
        const waiting = chosen
          .slice(states.length)
          .map((rest): FileState => ({ name: rest.name, status: 'analysing' }));
        setFiles([...states, ...waiting]);
      }
      setCurrent(
        Math.max(
          0,
          states.findIndex((state) => state.status === 'ready'),
        ),
      );
    },
    [host],
  );

  const choose = (given: File[]) => {
    if (given.length === 0) return;
    const chosen = inNameOrder(given);
    setFiles(chosen.map((file) => ({ name: file.name, status: 'analysing' })));
    void analyseAll(chosen);
  };

  // The files a drop opened the dialog with are analysed once it is shown.
  useEffect(() => {
    if (initialFiles.length === 0) return undefined;
    let wanted = true;
    queueMicrotask(() => void analyseAll(initialFiles, () => wanted));
    return () => {
      wanted = false;
    };
  }, [initialFiles, analyseAll]);

  const replaceState = (index: number, next: FileState) =>
    setFiles((all) => all.map((candidate, at) => (at === index ? next : candidate)));
  const nextReady = files.findIndex((file, index) => index > current && file.status === 'ready');
  const goNext = () => setCurrent(nextReady === -1 ? files.length : nextReady);

  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    void droppedFiles(event.dataTransfer).then(choose);
  };

  const state = files[current];
  const ready = loaded.state === 'ready' ? loaded.value : undefined;

  const chooser = (
    <FileChooser
      host={host}
      onChoose={choose}
      onDrop={onDrop}
      filesInput={filesInput}
      folderInput={folderInput}
    />
  );

  const fileList = (
    <ol className="import-files" data-testid="import-files">
      {files.map((file, index) => (
        <li
          key={`${file.name}-${index}`}
          className={`import-file import-file-${file.status}${index === current ? ' is-current' : ''}`}
          data-testid={`import-file-${index}`}
        >
          <span className="import-file-name">{file.name}</span>{' '}
          <span className="import-file-status">{statusLabels[file.status]}</span>
          {file.status === 'failed' && <ErrorNotice message={file.error} testId={`import-error-${index}`} />}
        </li>
      ))}
    </ol>
  );

  const content = () => {
    if (loaded.state === 'loading') return <Loading label="Lecture du dépôt…" />;
    if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;
    if (files.length === 0) return chooser;
    if (analysing) {
      return (
        <>
          {fileList}
          <p className="muted" aria-live="polite" data-testid="import-progress">
            Analyse des fichiers…
          </p>
        </>
      );
    }
    if (state?.status === 'ready' && ready) {
      return (
        <>
          {fileList}
          <ReviewStep
            key={current}
            file={state}
            overview={ready.overview}
            template={ready.template}
            canSkip={nextReady !== -1}
            onImported={(result) => {
              replaceState(current, { name: state.name, status: 'imported', result });
              importsApplied.set(importsApplied.get() + 1);
              reload();
            }}
            onSkip={() => {
              replaceState(current, { name: state.name, status: 'skipped' });
              goNext();
            }}
            onClose={onClose}
          />
        </>
      );
    }
    return (
      <>
        {fileList}
        {state?.status === 'imported' && <ImportResultView result={state.result} onOpen={onClose} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-testid="import-close">
            Fermer
          </button>
          {state?.status === 'imported' && nextReady !== -1 && (
            <button
              type="button"
              className="button button-primary"
              onClick={goNext}
              data-testid="import-next"
            >
              Fichier suivant
            </button>
          )}
        </div>
      </>
    );
  };

  return (
    <Dialog
      title="Importer des fiches Word"
      onClose={analysing ? () => undefined : onClose}
      testId="import-dialog"
    >
      <div className="dialog-body import-dialog">{content()}</div>
      {files.length === 0 && loaded.state !== 'loading' && (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-testid="import-close">
            Annuler
          </button>
        </div>
      )}
    </Dialog>
  );
}
