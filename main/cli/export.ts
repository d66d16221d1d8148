import path from 'node:path';
import {
  exportFormatLabels,
  exportFormats,
  type ExportFormat,
  type ExportSummary,
} from '../../shared/api/export-contract.js';
import { REVISION_ID_PATTERN } from '../../shared/model/history.js';
import { idSchema } from '../../shared/model/ids.js';
import { exportSheets, renderThrough } from '../services/export/export-sheets.js';
import type { RevisionRef } from '../services/history/sheet-history.js';
import { closeWorkers } from '../services/worker/run-job.js';
import { fr } from '../services/french.js';
import { defaultRepositoryPath, openRepositoryForReading, type ReadHandlers } from '../services/index.js';
import { exportVolume } from './export-volume.js';
import { UsageError } from './options.js';
import { plural } from '../../shared/plural.js';

export interface ExportCommandOptions {
  repo: string | undefined;
  format: string | undefined;
  sheet: string[] | undefined;
  family: string[] | undefined;
  all: boolean;
  /** One volume of the chosen sheets (export-volume.ts), rather than one file a sheet. */
  volume: boolean;
  status: string[] | undefined;
  title: string | undefined;
  revision: string | undefined;
  /** Word only: the sheet's comment threads as Word comments. */
  comments: boolean;
  /** Word only, one sheet: the changes since that revision as Word tracked changes. */
  changesSince: string | undefined;
  out: string | undefined;
}

function parseFormat(value: string | undefined): ExportFormat {
  if (value === undefined) throw new UsageError(fr`--format est obligatoire (${exportFormats.join(', ')})`);
  const format = exportFormats.find((candidate) => candidate === value);
  if (!format) throw new UsageError(fr`format inconnu « ${value} » (formats : ${exportFormats.join(', ')})`);
  return format;
}

/** A revision's number as listed now, or its id (« 4f0c2a9e1b7d-3 »), which no sync changes. */
function parseRevision(value: string | undefined, option = '--revision'): RevisionRef | undefined {
  if (value === undefined) return undefined;
  if (REVISION_ID_PATTERN.test(value)) return value;
  const revision = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(revision >= 1))
    throw new UsageError(
      fr`version invalide pour ${option} « ${value} » : un numéro de version (ou l’identifiant d’une version) est attendu`,
    );
  return revision;
}

/** The export for review: Word only, of the current sheet; the changes since a version, of one sheet. */
function checkReviewOptions(
  options: ExportCommandOptions,
  format: ExportFormat,
  revision: RevisionRef | undefined,
  changesSince: RevisionRef | undefined,
): void {
  if (!options.comments && changesSince === undefined) return;
  if (format !== 'docx') {
    throw new UsageError(
      '--comments et --changes-since ne s’emploient qu’avec --format docx : un PDF ne montre ni commentaires ni modifications',
    );
  }
  if (revision !== undefined) {
    throw new UsageError('--comments et --changes-since exportent la fiche actuelle : sans --revision');
  }
  if (changesSince !== undefined && options.sheet === undefined) {
    throw new UsageError('--changes-since ne s’emploie qu’avec --sheet');
  }
}

function checkedId(value: string, option: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(fr`identifiant invalide pour ${option} « ${value} »`);
  return parsed.data;
}

/** The sheets asked for, in the system's order; a damaged sheet is kept so its failure is reported. */
async function chosenSheets(handlers: ReadHandlers, options: ExportCommandOptions): Promise<string[]> {
  if (options.sheet !== undefined) return [checkedId(single(options.sheet, '--sheet'), '--sheet')];
  const overview = await handlers['repository:overview']({});
  const familyId =
    options.family === undefined ? undefined : checkedId(single(options.family, '--family'), '--family');
  const families = overview.families.filter((family) => familyId === undefined || family.id === familyId);
  if (familyId !== undefined && families.length === 0)
    throw new UsageError(fr`famille inconnue « ${familyId} »`);
  return families.flatMap((family) =>
    family.variables
      .filter((variable) => variable.sheet || variable.damaged.length > 0)
      .map((variable) => variable.id),
  );
}

/** Outside a volume, --sheet and --family name one. */
function single(values: readonly string[], option: string): string {
  if (values.length !== 1)
    throw new UsageError(fr`${option} n’accepte qu’un identifiant (ou ajoutez --volume)`);
  return values[0] as string;
}

function printSummary(summary: ExportSummary): boolean {
  let warnings = 0;
  for (const result of summary.results) {
    warnings += result.warnings.length;
    if (result.ok) {
      const notes = result.warnings.length ? fr` — à vérifier : ${result.warnings.join(' ; ')}` : '';
      process.stdout.write(`${result.file ?? result.sheetId}${notes}\n`);
    } else {
      process.stderr.write(
        fr`fiches : ${result.sheetId} : ${(result.error ?? '').replace(/\s*\n\s*/g, ' ')}\n`,
      );
    }
  }
  const failed = summary.results.filter((result) => !result.ok).length;
  const done = summary.results.length - failed;
  process.stdout.write(
    fr`${plural(done, 'fiche')} exportée${done > 1 ? 's' : ''} en ${exportFormatLabels[summary.format]}, ${plural(failed, 'échec')}, ${plural(warnings, 'avertissement')}.\n`,
  );
  return failed === 0;
}

/** `fiches export`: one file a sheet, one line a file, a summary; exit 1 when any sheet failed. */
export async function exportCommand(options: ExportCommandOptions): Promise<number> {
  const format = parseFormat(options.format);
  if (options.volume) return volumeCommand(format, options);
  if (options.status !== undefined || options.title !== undefined) {
    throw new UsageError('--status et --title ne s’emploient qu’avec --volume');
  }
  const revision = parseRevision(options.revision);
  const changesSince = parseRevision(options.changesSince, '--changes-since');
  checkReviewOptions(options, format, revision, changesSince);
  const chosen = [options.sheet !== undefined, options.all, options.family !== undefined].filter(
    Boolean,
  ).length;
  if (chosen !== 1) throw new UsageError('indiquez une seule des options --sheet ID, --family ID ou --all');
  if (revision !== undefined && options.sheet === undefined) {
    throw new UsageError('--revision ne s’emploie qu’avec --sheet');
  }
  if (options.out === undefined)
    throw new UsageError('--out est obligatoire (un fichier ou un dossier existant)');
  // Exporting only reads: it works beside the desktop app or `fiches serve` holding the repository.
  const session = await openRepositoryForReading(path.resolve(options.repo ?? defaultRepositoryPath()));
  try {
    const sheetIds = await chosenSheets(session.handlers, options);
    if (sheetIds.length === 0) {
      process.stdout.write('Aucune fiche à exporter.\n');
      return 0;
    }
    const summary = await exportSheets(renderThrough(session.handlers), {
      sheetIds,
      format,
      ...(revision === undefined ? {} : { revision }),
      ...(options.comments ? { comments: true } : {}),
      ...(changesSince === undefined ? {} : { changesSince }),
      out: options.out,
    });
    return printSummary(summary) ? 0 : 1;
  } finally {
    await session.close();
    // A worker waits for the next job (with its browser, after a PDF): nothing comes next here.
    await closeWorkers();
  }
}

/** `fiches export --volume`: one file of the chosen sheets (all by default). */
async function volumeCommand(format: ExportFormat, options: ExportCommandOptions): Promise<number> {
  if (options.all && (options.sheet || options.family || options.status)) {
    throw new UsageError('--all ne se combine pas avec --sheet, --family ou --status');
  }
  if (options.revision !== undefined) throw new UsageError('--revision ne s’emploie pas avec --volume');
  if (options.comments || options.changesSince !== undefined) {
    throw new UsageError(
      '--comments et --changes-since ne s’emploient pas avec --volume : un recueil se publie',
    );
  }
  if (options.out === undefined) throw new UsageError('--out est obligatoire (le fichier du recueil)');
  const session = await openRepositoryForReading(path.resolve(options.repo ?? defaultRepositoryPath()));
  try {
    return await exportVolume(session.handlers, {
      format,
      families: options.family,
      sheets: options.sheet,
      statuses: options.status,
      title: options.title,
      out: options.out,
    });
  } finally {
    await session.close();
    await closeWorkers();
  }
}
