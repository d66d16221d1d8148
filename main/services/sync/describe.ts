import { partsOfSheet } from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import { changesBetween } from '../history/revision-log.js';
import { sheetFileSchema, type SheetFile } from '../../../shared/model/sheet.js';
import { canonicalJson } from '../../../shared/history/canonical.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { findVariable } from '../repository/system.js';
import { migrate } from '../storage/migrations.js';
import { FAMILY_PATH, SHEET_PATH } from './file-merge.js';

/**
 * Commit messages a person reads: `git log -- sheets/big-data.json` tells the sheet's story
 * (« Big Data : Évolution passée, Dynamiques à l’œuvre »), whoever reads it, in Fiches or
 * with git. One line per sheet changed, then the rest (families, the system of variables,
 * the history's files), by name.
 */
export interface PathChange {
  path: string;
  before: Buffer | undefined;
  after: Buffer | undefined;
}

function sheetOf(bytes: Buffer | undefined, path: string): SheetFile | undefined {
  if (!bytes) return undefined;
  try {
    const parsed = sheetFileSchema.safeParse(migrate('sheet', JSON.parse(bytes.toString('utf8')), path));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The variable's name; its id when repository.json cannot be read now (the message still says which sheet). */
export async function nameOf(context: RepositoryContext, id: string): Promise<string> {
  try {
    return findVariable(await context.repository(), id)?.variable.name ?? id;
  } catch {
    return id;
  }
}

async function sheetLine(context: RepositoryContext, change: PathChange, id: string): Promise<string> {
  const name = await nameOf(context, id);
  const [before, after] = [sheetOf(change.before, change.path), sheetOf(change.after, change.path)];
  if (!after) return fr`${name} : fiche supprimée`;
  if (!before) return fr`${name} : fiche créée`;
  const hashes = (sheet: SheetFile) =>
    Object.fromEntries(
      Object.entries(partsOfSheet(sheet)).map(([key, value]) => [key, canonicalJson(value)]),
    );
  // Without a readable template the parts are named by their keys.
  const template = await context.template().catch(() => undefined);
  const keys = Object.keys(changesBetween(hashes(before), hashes(after)));
  if (keys.length === 0) return fr`${name} : mise à jour`;
  const titles = keys.map((key) => (template ? partTitle(template, key) : key));
  return fr`${name} : ${titles.join(', ')}`;
}

export async function describeChanges(
  context: RepositoryContext,
  changes: readonly PathChange[],
): Promise<string[]> {
  const lines: string[] = [];
  let history = false;
  for (const change of changes) {
    const sheet = SHEET_PATH.exec(change.path)?.[1];
    const family = FAMILY_PATH.exec(change.path)?.[1];
    if (sheet) lines.push(await sheetLine(context, change, sheet));
    else if (family) lines.push(fr`Micro-scénarios partagés de la famille « ${family} »`);
    else if (change.path.startsWith('history/')) history = true;
    else lines.push(change.path);
  }
  if (history) lines.push('Historique des versions');
  return lines;
}

/** The first line says it all for one change; several are counted, then listed below. */
export function commitMessage(lines: readonly string[], fallback: string): string {
  if (lines.length === 0) return `${fallback}\n`;
  if (lines.length === 1) return `${lines[0]}\n`;
  const sheets = lines.filter(
    (line) => !line.startsWith('Historique') && !line.startsWith('Micro-scénarios'),
  );
  const head = sheets.length === 1 ? (sheets[0] as string) : fr`${fallback} : ${lines.length} changements`;
  return `${head}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`;
}
