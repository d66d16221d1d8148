import { extname, join } from 'node:path';
import {
  exportFormatExtensions,
  exportFormats,
  type ExportFormat,
} from '../../../../shared/api/export-contract.js';
import { AppFailure } from '../../../../shared/result.js';
import { writeFileDurable } from '../../storage/durable-write.js';
import { resolveTarget, writeFailure } from '../export-sheets.js';

/**
 * A published volume's files written where the user chose (the desktop app's dialog, the
 * CLI's --out): a file for one, an existing folder for both formats, checked before
 * anything is written. Each goes through a temp file renamed over its target, so a failed
 * write leaves nothing half-written.
 */

export interface VolumeFileBytes {
  fileName: string;
  bytes: Uint8Array;
}

/** The format of a volume's file, by its extension (volumeFileName gives it). */
export const formatOfFile = (fileName: string): ExportFormat =>
  exportFormats.find((format) => extname(fileName) === `.${exportFormatExtensions[format]}`) ?? 'docx';

/** The paths written, in the order of the files. */
export async function writeVolumeFiles(files: readonly VolumeFileBytes[], out: string): Promise<string[]> {
  const [first] = files;
  if (!first) throw new Error('a volume has one file at least');
  const target = await resolveTarget(out, files.length, formatOfFile(first.fileName));
  const written: string[] = [];
  for (const file of files) {
    const path = target.kind === 'file' ? target.path : join(target.path, file.fileName);
    try {
      await writeFileDurable(path, file.bytes);
    } catch (error) {
      throw new AppFailure('io', writeFailure(error, path), { path, written });
    }
    written.push(path);
  }
  return written;
}
