import { setTimeout as sleep } from 'node:timers/promises';
import { exportFormatLabels, type ExportFormat } from '../../shared/api/export-contract.js';
import type { VolumeSelection, VolumeSummary } from '../../shared/api/volume-contract.js';
import { idSchema } from '../../shared/model/ids.js';
import { sheetStatusLabels, sheetStatuses, type SheetStatus } from '../../shared/model/sheet.js';
import { resolveTarget } from '../services/export/export-sheets.js';
import { writeVolumeFiles } from '../services/export/volume/save.js';
import { fr } from '../services/french.js';
import { type ReadHandlers } from '../services/index.js';
import { UsageError } from './options.js';
import { plural } from '../../shared/plural.js';

/**
 * `fiches export --volume`: the collection (or part of it) as one file, through the same
 * job operations the interface uses (volume:start, :progress, :result); progress on one
 * line a sheet, then the summary: what was included, what was skipped and why, what to check.
 */

export interface VolumeCommandOptions {
  format: ExportFormat;
  families: string[] | undefined;
  sheets: string[] | undefined;
  statuses: string[] | undefined;
  title: string | undefined;
  out: string;
}

const POLL_MS = 150;

function checkedIds(values: readonly string[], option: string): string[] {
  return values.map((value) => {
    const parsed = idSchema.safeParse(value);
    if (!parsed.success) throw new UsageError(fr`identifiant invalide pour ${option} « ${value} »`);
    return parsed.data;
  });
}

/** A status by its id (validated) or its French label (« Validée »), case and accents aside. */
function parseStatus(value: string): SheetStatus {
  const key = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const found = sheetStatuses.find(
    (status) =>
      status === key ||
      sheetStatusLabels[status].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() === key,
  );
  if (!found) {
    throw new UsageError(fr`statut inconnu « ${value} » (statuts : ${sheetStatuses.join(', ')})`);
  }
  return found;
}

export function volumeSelection(
  options: Pick<VolumeCommandOptions, 'families' | 'sheets' | 'statuses'>,
): VolumeSelection {
  const given = [options.families, options.sheets, options.statuses].filter((list) => list !== undefined);
  if (given.length > 1)
    throw new UsageError('indiquez au plus une des options --family, --sheet ou --status');
  if (options.families) return { kind: 'families', families: checkedIds(options.families, '--family') };
  if (options.sheets) return { kind: 'sheets', sheets: checkedIds(options.sheets, '--sheet') };
  if (options.statuses)
    return { kind: 'statuses', statuses: [...new Set(options.statuses.map(parseStatus))] };
  return { kind: 'all' };
}

/** Today in Paris, YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function printSummary(summary: VolumeSummary, file: string, format: ExportFormat): void {
  for (const skipped of summary.skipped) {
    process.stdout.write(fr`écartée : ${skipped.name} (${skipped.sheetId}) — ${skipped.reason}\n`);
  }
  for (const warning of summary.warnings) process.stdout.write(fr`à vérifier : ${warning}\n`);
  process.stdout.write(
    fr`${file} : recueil ${exportFormatLabels[format]} de ${plural(summary.included.length, 'fiche')}, ${plural(summary.skipped.length, 'fiche')} écartée${summary.skipped.length > 1 ? 's' : ''}, ${plural(summary.warnings.length, 'avertissement')}.\n`,
  );
}

export async function exportVolume(handlers: ReadHandlers, options: VolumeCommandOptions): Promise<number> {
  const selection = volumeSelection(options);
  // The target is checked before anything is made: a folder that cannot be written fails at once.
  const target = await resolveTarget(options.out, 1, options.format);
  const overview = await handlers['repository:overview']({});
  const title = options.title ?? fr`Fiches variables — ${overview.exercise.name}`;
  const { jobId } = await handlers['volume:start']({
    selection,
    formats: [options.format],
    title,
    date: today(),
  });
  let shown = '';
  for (;;) {
    const progress = await handlers['volume:progress']({ jobId });
    const line = `${progress.done} / ${progress.total} : ${progress.current}`;
    if (progress.state === 'running' && line !== shown && progress.total > 0) {
      process.stdout.write(`${line}\n`);
      shown = line;
    }
    if (progress.state !== 'running') break;
    await sleep(POLL_MS);
  }
  const { files, summary } = await handlers['volume:result']({ jobId });
  const [file = target.path] = await writeVolumeFiles(
    files.map(({ fileName, base64 }) => ({ fileName, bytes: Buffer.from(base64, 'base64') })),
    target.path,
  );
  printSummary(summary, file, options.format);
  return 0;
}
