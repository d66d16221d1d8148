import { useCallback, useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ok, type Result } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { Dialog } from '../../ui/Dialog.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import type { RevisionPick } from '../history/history-ui.js';
import { bytesOf, openPdf } from './pdf-document.js';
import { PreviewPage } from './PreviewPage.js';
import './preview.css';

interface Props {
  sheetId: string;
  name: string;
  /** A past revision of the sheet; its current text when absent. */
  revision?: RevisionPick | undefined;
  onClose: () => void;
}

interface Preview {
  pdf: PDFDocumentProxy;
  pages: { width: number; height: number }[];
  warnings: string[];
}

const ZOOMS = [
  { label: 'Page entière', width: 560 },
  { label: 'Largeur confortable', width: 800 },
  { label: 'Grand', width: 1100 },
] as const;

async function loadPreview(sheetId: string, revision: RevisionPick | undefined): Promise<Result<Preview>> {
  // The preview shows what was typed last: pending edits are saved first.
  await flushEverything();
  const rendered = await invoke('export:render', {
    sheetId,
    format: 'pdf',
    ...(revision === undefined ? {} : { revision: revision.id }),
  });
  if (!rendered.ok) return rendered;
  const pdf = await openPdf(bytesOf(rendered.value.base64));
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const [, , width, height] = (await pdf.getPage(number)).view;
    pages.push({ width: width ?? 595, height: height ?? 842 });
  }
  return ok({ pdf, pages, warnings: rendered.value.warnings });
}

/** « Aperçu avant impression »: the PDF the export will write, page by page. */
export function PreviewDialog({ sheetId, name, revision, onClose }: Props) {
  const load = useCallback(async (): Promise<Result<Preview>> => {
    try {
      return await loadPreview(sheetId, revision);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `L’aperçu n’a pas pu afficher le PDF (${(error as Error).message}). Exportez-le pour l’ouvrir dans un lecteur de PDF.`,
        },
      };
    }
  }, [sheetId, revision]);
  const [preview, reload] = useResult(load);
  const [zoom, setZoom] = useState<number>(ZOOMS[0].width);
  const pdf = preview.state === 'ready' ? preview.value.pdf : undefined;

  useEffect(() => () => void pdf?.loadingTask.destroy(), [pdf]);

  const title =
    revision === undefined
      ? `Aperçu avant impression — ${name}`
      : `Aperçu avant impression — ${name}, version n°\u00a0${revision.seq}`;
  return (
    <Dialog title={title} onClose={onClose} testId="preview-dialog">
      <div className="preview-toolbar">
        {preview.state === 'ready' && (
          <span className="preview-count" data-testid="preview-count">
            {`${preview.value.pages.length}\u00a0page${preview.value.pages.length > 1 ? 's' : ''}`}
          </span>
        )}
        <label className="preview-zoom">
          <span>Taille</span>
          <select className="input" value={zoom} onChange={(event) => setZoom(Number(event.target.value))}>
            {ZOOMS.map((option) => (
              <option key={option.width} value={option.width}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-primary" onClick={onClose} data-testid="preview-close">
          Fermer
        </button>
      </div>
      {preview.state === 'ready' && preview.value.warnings.length > 0 && (
        <ul className="preview-warnings" data-testid="preview-warnings">
          {preview.value.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="preview-pages" data-testid="preview-pages">
        {preview.state === 'loading' && <Loading label="Mise en page du PDF…" />}
        {preview.state === 'error' && <LoadError error={preview.error} onRetry={reload} />}
        {preview.state === 'ready' &&
          preview.value.pages.map((size, index) => (
            <PreviewPage key={index} pdf={preview.value.pdf} number={index + 1} size={size} width={zoom} />
          ))}
      </div>
    </Dialog>
  );
}
