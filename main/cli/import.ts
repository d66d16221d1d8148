import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_IMPORT_FILE_BYTES,
  type ImportChoices,
  type ImportProposal,
  type ImportResult,
} from '../../shared/api/import-contract.js';
import { formatMegabytes } from '../../shared/content/assets.js';
import { idSchema } from '../../shared/model/ids.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import {
  defaultRepositoryPath,
  openRepository,
  openRepositoryForReading,
  type ServiceHandlers,
} from '../services/index.js';
import { UsageError } from './options.js';

export interface ImportCommandOptions {
  repo: string | undefined;
  /** Files, or folders whose .docx files are imported. */
  files: string[];
  /** The variable of the (single) file, instead of the one its title names. */
  variable: string | undefined;
  /** A file whose sheet exists becomes a new revision of it (the confirmation the interface asks for). */
  update: boolean;
  /** Where content that could not be placed goes; the template's first section by default. */
  unplaced: string | undefined;
  dryRun: boolean;
}

function checkedId(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(fr`identifiant invalide pour ${option} « ${value} »`);
  return parsed.data;
}

/** A Word lock file (« ~$fiche.docx ») is not a document. */
const isDocx = (name: string) => name.toLowerCase().endsWith('.docx') && !name.startsWith('~$');

/** Each argument as files: a folder gives its .docx files, in name order. */
async function expand(files: string[]): Promise<{ file: string; error?: string }[]> {
  const expanded: { file: string; error?: string }[] = [];
  for (const file of files) {
    let isFolder = false;
    try {
      isFolder = (await stat(file)).isDirectory();
    } catch {
      // A missing file is reported when it is read.
    }
    if (!isFolder) {
      expanded.push({ file });
      continue;
    }
    const names = (await readdir(file)).filter(isDocx).sort((a, b) => a.localeCompare(b, 'fr'));
    if (names.length === 0) expanded.push({ file, error: fr`aucun fichier .docx dans ce dossier` });
    expanded.push(...names.map((name) => ({ file: path.join(file, name) })));
  }
  return expanded;
}

export async function readDocxFile(file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AppFailure('not-found', fr`fichier introuvable`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new AppFailure(
      'unsupported',
      fr`le fichier pèse ${formatMegabytes(size)} : Fiches importe des documents de ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} Mo au plus`,
    );
  }
  return readFile(file);
}

function choicesFor(proposal: ImportProposal, options: ImportCommandOptions): ImportChoices {
  const variableId = options.variable ?? proposal.variableId;
  if (!variableId) {
    throw new AppFailure(
      'not-found',
      fr`aucune variable du dépôt ne porte le titre du document (« ${proposal.title} ») : indiquez-la avec --variable ID`,
    );
  }
  return {
    fingerprint: proposal.fingerprint,
    variable: { kind: 'existing', variableId },
    replaceExisting: options.update,
    targets: {},
    unplacedSection: options.unplaced ?? proposal.unplacedSection,
  };
}

function printResult(file: string, result: ImportResult): void {
  const what = result.created
    ? fr`nouvelle fiche « ${result.variableName} » (${result.sheetId})`
    : fr`nouvelle version de la fiche « ${result.variableName} » (${result.sheetId})`;
  const revision = result.revision ? `, version n°\u00a0${result.revision.seq}` : '';
  const dry = result.dryRun ? fr` — essai : rien n’a été écrit` : '';
  const lines = [`${file} → ${what}${revision}${dry}`];
  for (const placement of result.placements) lines.push(`  ${placement.origin} → ${placement.destination}`);
  if (result.usesFamilyScenarios) lines.push(fr`  micro-scénarios : ceux de la famille`);
  for (const warning of result.warnings) lines.push(fr`  à vérifier : ${warning}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function importOne(
  handlers: Pick<ServiceHandlers, 'import:analyse' | 'import:apply'>,
  file: string,
  options: ImportCommandOptions,
): Promise<void> {
  const bytes = await readDocxFile(file);
  const name = path.basename(file);
  const base64 = bytes.toString('base64');
  const proposal = await handlers['import:analyse']({ name, base64 });
  const result = await handlers['import:apply']({
    name,
    base64,
    choices: choicesFor(proposal, options),
    dryRun: options.dryRun,
  });
  printResult(file, result);
}

/**
 * `fiches import`: per file, the sheet it made and where each part went, then what to
 * check; one stderr line per file that failed, exit 1 when any did. `--dry-run` writes nothing,
 * and works while another instance holds the repository.
 */
export async function importCommand(options: ImportCommandOptions): Promise<number> {
  if (options.files.length === 0) throw new UsageError('indiquez au moins un fichier .docx (ou un dossier)');
  const variable = checkedId(options.variable, '--variable');
  const unplaced = checkedId(options.unplaced, '--unplaced');
  const files = await expand(options.files);
  if (variable !== undefined && files.length > 1) {
    throw new UsageError('--variable ne s’emploie qu’avec un seul fichier');
  }
  const repo = path.resolve(options.repo ?? defaultRepositoryPath());
  // A try writes nothing: it reads beside the app or `fiches serve` holding the repository.
  const session = options.dryRun
    ? await openRepositoryForReading(repo)
    : await openRepository(repo, { create: 'never' });
  let failed = 0;
  try {
    for (const { file, error } of files) {
      try {
        if (error) throw new AppFailure('not-found', error);
        await importOne(session.handlers, file, { ...options, variable, unplaced });
      } catch (caught) {
        if (!(caught instanceof AppFailure)) throw caught;
        failed += 1;
        process.stderr.write(fr`fiches : ${file} : ${caught.message.replace(/\s*\n\s*/g, ' ')}\n`);
      }
    }
  } finally {
    await session.close();
  }
  const done = files.length - failed;
  const verb = options.dryRun ? 'analysé' : 'importé';
  process.stdout.write(
    fr`${done} fichier${done > 1 ? 's' : ''} ${verb}${done > 1 ? 's' : ''}, ${failed} échec${failed > 1 ? 's' : ''}.\n`,
  );
  return failed === 0 ? 0 : 1;
}
