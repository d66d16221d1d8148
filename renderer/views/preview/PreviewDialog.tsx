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

/** « Page entière » fits the first page in the visible area; the others are widths in CSS pixels. */
type Zoom = 'page' | number;

const ZOOMS: { label: string; value: Zoom }[] = [
  { label: 'Page entière', value: 'page' },
  { label: 'Largeur confortable', value: 800 },
  { label: 'Grand', value: 1100 },
];

/** Room kept around a page fitted whole: the list's padding and the page's shadow. */
const FIT_MARGIN_PX = 40;

/** The size of an element's content box, followed as the window changes. */
function useContentSize(element: HTMLElement | null): { width: number; height: number } | undefined {
  const [size, setSize] = useState<{ width: number; height: number }>();
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

function fittedWidth(
  area: { width: number; height: number },
  page: { width: number; height: number },
): number {
  const byHeight = ((area.height - FIT_MARGIN_PX) * page.width) / page.height;
  return Math.max(120, Math.floor(Math.min(area.width - FIT_MARGIN_PX, byHeight)));
}

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
      console.error('Fiches\u00a0: aperçu', error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message:
            'L’aperçu n’a pas pu afficher ce PDF dans la page. Exportez-le pour l’ouvrir dans un lecteur de PDF.',
        },
      };
    }
  }, [sheetId, revision]);
  const [preview, reload] = useResult(load);
  const [zoom, setZoom] = useState<Zoom>('page');
  const pdf = preview.state === 'ready' ? preview.value.pdf : undefined;
  const [pagesArea, setPagesArea] = useState<HTMLDivElement | null>(null);
  const area = useContentSize(pagesArea);
  const firstPage = preview.state === 'ready' ? preview.value.pages[0] : undefined;
  const width = zoom !== 'page' ? zoom : area && firstPage ? fittedWidth(area, firstPage) : 560;

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
          <select
            className="input"
            value={String(zoom)}
            onChange={(event) => setZoom(event.target.value === 'page' ? 'page' : Number(event.target.value))}
            data-testid="preview-zoom"
          >
            {ZOOMS.map((option) => (
              <option key={option.value} value={String(option.value)}>
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
      <div className="preview-pages" ref={setPagesArea} data-testid="preview-pages">
        {preview.state === 'loading' && <Loading label="Mise en page du PDF…" />}
        {preview.state === 'error' && <LoadError error={preview.error} onRetry={reload} />}
        {preview.state === 'ready' &&
          preview.value.pages.map((size, index) => (
            <PreviewPage key={index} pdf={preview.value.pdf} number={index + 1} size={size} width={width} />
          ))}
      </div>
    </Dialog>
  );
}
