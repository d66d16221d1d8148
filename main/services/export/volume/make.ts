import slugify from '@sindresorhus/slugify';
import {
  exportFormatExtensions,
  exportFormatLabels,
  type ExportFormat,
} from '../../../../shared/api/export-contract.js';
import type { VolumeRequest, VolumeSummary } from '../../../../shared/api/volume-contract.js';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';
import type { RepositoryContext } from '../../repository/context.js';
import { runJob } from '../../worker/run-job.js';
import { ExportDeadline } from '../deadline.js';
import type { Raster } from '../docx/raster.js';
import { renderFallbacks } from '../docx/render.js';
import { formatRenderers } from '../formats.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import { hostPdfPrinter } from '../pdf/printer-choice.js';
import { printVolume } from '../pdf/volume.js';
import type { VolumeRequest as PlanRequest } from '../plan/volume.js';
import { ownedWarning } from '../plan/warnings.js';
import { collectSheet, contentWarnings, type PrintSheet } from '../sheet-input.js';
import { chooseSheets } from './selection.js';

/**
 * The collection as one volume, in each format asked: the sheets chosen (selection.ts),
 * read one by one (a damaged one is skipped and named, the volume is still made), then
 * each document built in a worker. Progress is reported sheet by sheet; a cancel stops it
 * at once, the step under way included (its worker killed, its print abandoned), and keeps
 * nothing. Nothing is written here: the caller writes the files (volume/save.ts) or sends them.
 */

/** A volume of 300 sheets takes minutes: its own deadline, far beyond a sheet's. */
export const VOLUME_TIMEOUT_MS = 30 * 60_000;

export interface VolumeProgressReport {
  done: number;
  total: number;
  current: string;
}

export interface VolumeFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface MadeVolume {
  files: VolumeFile[];
  summary: VolumeSummary;
}

export interface MakeOptions {
  signal?: AbortSignal;
  onProgress?(progress: VolumeProgressReport): void;
  timeoutMs?: number;
}

export function cancelledFailure(): AppFailure {
  return new AppFailure('invalid-request', 'Publication du recueil annulée : aucun fichier n’a été écrit.', {
    reason: 'cancelled',
  });
}

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledFailure();
}

/** « recueil-fiches-variables-2040.docx »: from the title, safe as a file name anywhere. */
export function volumeFileName(title: string, format: ExportFormat): string {
  const slug = slugify(title).slice(0, 80).replace(/-+$/, '') || 'recueil';
  return `${slug.startsWith('recueil') ? slug : `recueil-${slug}`}.${exportFormatExtensions[format]}`;
}

async function renderVolume(
  format: ExportFormat,
  volume: PlanRequest,
  loaded: LoadedLayout,
  deadline: ExportDeadline,
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  if (format === 'docx') {
    // One map for the volume: an SVG shown on several sheets is rendered once.
    const rasters = new Map<string, Raster | { problem: string }>();
    for (const print of volume.sheets) await renderFallbacks(print, loaded, deadline, rasters);
    return runJob('build-volume-docx', { volume, loaded, rasters }, deadline.limits('docx'));
  }
  const printer = hostPdfPrinter();
  if (printer) {
    // The desktop app prints with its own Chromium, on the host; the document is built, and
    // each print read and finished, in workers.
    const document = await runJob(
      'build-volume-print-document',
      { volume, loaded },
      deadline.limits('print-document'),
    );
    const { signal } = deadline;
    return printVolume(
      document,
      printer,
      { timeoutMs: deadline.remainingMs(), ...(signal ? { signal } : {}) },
      {
        pagesOf: (pdf) => runJob('volume-pdf-pages', pdf, deadline.limits('pdf-finish')),
        finish: (pdf, metadata) =>
          runJob('finish-volume-pdf', { pdf, metadata }, deadline.limits('pdf-finish')),
      },
    );
  }
  // Elsewhere a worker prints with its own Chromium, which dies with it when the job is stopped.
  return runJob(
    'render-volume-pdf',
    { volume, loaded, printTimeoutMs: deadline.remainingMs() },
    deadline.limits('pdf'),
  );
}

export async function makeVolume(
  context: RepositoryContext,
  request: VolumeRequest,
  options: MakeOptions = {},
): Promise<MadeVolume> {
  const { signal, onProgress } = options;
  // A cancel stops the job under way too (its worker killed, its print abandoned).
  const deadline = new ExportDeadline(options.timeoutMs ?? VOLUME_TIMEOUT_MS, signal);
  const chosen = await chooseSheets(context, request.selection);
  const loaded = await loadLayout(context.layout);
  const total = chosen.length;
  const prints: PrintSheet[] = [];
  const summary: VolumeSummary = { included: [], skipped: [], warnings: [] };
  for (const [index, { sheetId, name, damaged }] of chosen.entries()) {
    checkCancel(signal);
    onProgress?.({ done: index + 1, total, current: name });
    if (damaged !== undefined) {
      summary.skipped.push({ sheetId, name, reason: fr`fiche endommagée (${damaged})` });
      continue;
    }
    try {
      const print = await collectSheet(context, sheetId);
      prints.push(print);
      summary.included.push({ sheetId, name });
      summary.warnings.push(...contentWarnings(print).map((warning) => ownedWarning(name, warning)));
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      summary.skipped.push({ sheetId, name, reason: error.message });
    }
  }
  if (prints.length === 0) {
    throw new AppFailure(
      'damaged',
      fr`Aucune fiche de ce choix n’a pu être lue : ${summary.skipped.map((skipped) => `${skipped.name} (${skipped.reason})`).join(' ; ')}. Rien n’a été écrit.`,
    );
  }
  const volume: PlanRequest = { sheets: prints, title: request.title, date: request.date };
  const files: VolumeFile[] = [];
  for (const format of request.formats) {
    checkCancel(signal);
    onProgress?.({ done: total, total, current: fr`Mise en page du recueil ${exportFormatLabels[format]}` });
    const rendered = await renderVolume(format, volume, loaded, deadline).catch((error: unknown) => {
      checkCancel(signal);
      throw error;
    });
    checkCancel(signal);
    files.push({
      fileName: volumeFileName(request.title, format),
      mediaType: formatRenderers[format].mediaType,
      bytes: Buffer.from(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength),
    });
    for (const warning of rendered.warnings)
      if (!summary.warnings.includes(warning)) summary.warnings.push(warning);
  }
  onProgress?.({ done: total, total, current: 'Terminé' });
  return { files, summary };
}
