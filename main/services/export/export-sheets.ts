import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import {
  exportFormatExtensions,
  type ExportFormat,
  type ExportSummary,
  type SheetExportResult,
} from '../../../shared/api/export-contract.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { ServiceHandlers } from '../handlers.js';
import { writeFileDurable } from '../storage/durable-write.js';
import type { RevisionRef } from '../history/sheet-history.js';
import type { RenderedSheet, RenderRequest } from './render.js';

/**
 * Exports to files (CLI, desktop): each sheet rendered in memory, then written through a
 * temp file renamed over the target, so a failed export never leaves a half-written file
 * where the user expects one. One sheet's failure does not stop the others.
 */

export type RenderSheet = (request: RenderRequest) => Promise<RenderedSheet>;

/** The renderer of an open repository's handlers, as files need it (bytes, not base64). */
export function renderThrough(handlers: Pick<ServiceHandlers, 'export:render'>): RenderSheet {
  return async (request) => {
    const { base64, ...rest } = await handlers['export:render'](request);
    return { ...rest, bytes: Buffer.from(base64, 'base64') };
  };
}

export interface ExportOptions {
  sheetIds: readonly string[];
  format: ExportFormat;
  revision?: RevisionRef;
  /** An export for review (Word only): its comments, the changes since a revision (one sheet). */
  comments?: boolean;
  changesSince?: RevisionRef;
  /** A file (one sheet) or an existing folder (one file a sheet). */
  out: string;
  onProgress?(done: number, total: number, result: SheetExportResult): void;
}

type Target = { kind: 'file'; path: string } | { kind: 'folder'; path: string };

function notADirectory(path: string): AppFailure {
  return new AppFailure(
    'invalid-request',
    fr`« ${path} » n’est pas un dossier : pour exporter plusieurs fiches, indiquez un dossier existant.`,
    { path },
  );
}

async function writableFolder(folder: string): Promise<void> {
  let info;
  try {
    info = await stat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppFailure(
        'not-found',
        fr`Le dossier de destination « ${folder} » n’existe pas : créez-le ou choisissez-en un autre.`,
        { path: folder },
      );
    }
    throw error;
  }
  if (!info.isDirectory()) throw notADirectory(folder);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new AppFailure(
      'read-only',
      fr`Le dossier de destination « ${folder} » est en lecture seule : choisissez un dossier où vous avez le droit d’écrire.`,
      { path: folder },
    );
  }
}

/** Where the files go: checked before anything is rendered, so a bad target fails at once. */
export async function resolveTarget(out: string, count: number, format: ExportFormat): Promise<Target> {
  const path = resolve(out);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info?.isDirectory()) {
    await writableFolder(path);
    return { kind: 'folder', path };
  }
  const wantsFile =
    count === 1 && (info !== null || extname(path).toLowerCase() === `.${exportFormatExtensions[format]}`);
  if (!wantsFile) {
    if (info) throw notADirectory(path);
    // Reports the missing folder: files are written only into folders that exist.
    await writableFolder(path);
  }
  await writableFolder(dirname(path));
  return { kind: 'file', path };
}

/** Why a file could not be written, in French, naming it. */
export function writeFailure(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return fr`Impossible d’écrire « ${path} » : accès refusé (dossier en lecture seule ou fichier ouvert dans une autre application).`;
    case 'ENOSPC':
    case 'EDQUOT':
      return fr`Impossible d’écrire « ${path} » : le disque est plein.`;
    case 'ENOENT':
      return fr`Impossible d’écrire « ${path} » : le dossier a disparu pendant l’export.`;
    default:
      return fr`Impossible d’écrire « ${path} » (${code ?? (error as Error).message}).`;
  }
}

export async function exportSheets(render: RenderSheet, options: ExportOptions): Promise<ExportSummary> {
  const { sheetIds, format, revision, comments, changesSince } = options;
  if (revision !== undefined && sheetIds.length !== 1) {
    throw new AppFailure('invalid-request', 'Une version ne s’exporte que pour une seule fiche.');
  }
  const target = await resolveTarget(options.out, sheetIds.length, format);
  const results: SheetExportResult[] = [];
  for (const sheetId of sheetIds) {
    let result: SheetExportResult;
    try {
      const rendered = await render({
        sheetId,
        format,
        ...(revision === undefined ? {} : { revision }),
        ...(comments ? { comments } : {}),
        ...(changesSince === undefined ? {} : { changesSince }),
      });
      const path = target.kind === 'file' ? target.path : join(target.path, rendered.fileName);
      try {
        await writeFileDurable(path, rendered.bytes);
        result = { sheetId, ok: true, file: path, warnings: rendered.warnings };
      } catch (error) {
        result = { sheetId, ok: false, warnings: rendered.warnings, error: writeFailure(error, path) };
      }
    } catch (error) {
      const message =
        error instanceof AppFailure ? error.message : fr`Erreur inattendue : ${(error as Error).message}`;
      result = { sheetId, ok: false, warnings: [], error: message };
    }
    results.push(result);
    options.onProgress?.(results.length, sheetIds.length, result);
  }
  return { format, target: target.path, results };
}
