import { readdir } from 'node:fs/promises';
import type { DamagedEntry, Overview, SheetSummary } from '../../../shared/api/contract.js';
import { ID_PATTERN } from '../../../shared/model/ids.js';
import { openThreadCount } from '../../../shared/model/review.js';
import type { FamilyFile, Scenarios } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { readFamilyFile } from '../families.js';
import { readSheet, summaryOf } from '../sheets/sheet-file.js';
import { ioFailure } from '../storage/io-errors.js';
import { sameStamp, stampOf, type FileStamp } from '../storage/stamp.js';
import { countTrash } from '../trash.js';
import type { RepositoryContext } from './context.js';
import { listDamaged } from './damaged.js';
import { readIndex, writeIndex, type IndexEntry, type SheetIndex } from './index-cache.js';
import { SHEETS_DIR } from './layout.js';

/**
 * repository:overview, fast for hundreds of sheets: one readdir and one stat per sheet;
 * a sheet is read again only when its file, its family's file (if it shows the family's
 * micro-scenarios) or the template changed since index.json was written.
 */

async function sheetIds(context: RepositoryContext): Promise<Set<string>> {
  try {
    const names = await readdir(context.layout.sheetsDir);
    return new Set(
      names
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .filter((id) => ID_PATTERN.test(id)),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw ioFailure(error, 'lire', SHEETS_DIR);
  }
}

function stillValid(
  entry: IndexEntry | undefined,
  file: FileStamp,
  familyId: string,
  family: FileStamp | null,
) {
  return (
    entry !== undefined &&
    entry.familyId === familyId &&
    sameStamp(entry.file, file) &&
    (!entry.usesFamily || sameStamp(entry.family, family))
  );
}

/** A sheet that cannot be summarised: set aside (listed from damaged/), or written by a newer Fiches. */
type Outcome = { entry: IndexEntry } | { unreadable: DamagedEntry } | { gone: true };

export async function overview(context: RepositoryContext): Promise<Overview> {
  // One overview at a time: concurrent ones would recompute and set aside the same files twice.
  return context.queue.run('overview', async () => {
    const { layout } = context;
    const repository = await context.repository();
    const template = await context.template();
    const templateKey = await context.templateFingerprint();
    const [present, index] = await Promise.all([sheetIds(context), readIndex(layout, templateKey)]);

    const familyStamps = new Map<string, FileStamp | null>();
    await Promise.all(
      repository.families.map(async (family) => {
        familyStamps.set(family.id, await stampOf(layout.familyFile(family.id)));
      }),
    );
    const familyFiles = new Map<string, Promise<FamilyFile | null>>();
    const familyOf = (familyId: string): Promise<FamilyFile | null> => {
      let file = familyFiles.get(familyId);
      if (!file) {
        file = readFamilyFile(context, familyId).then(({ family }) => family);
        familyFiles.set(familyId, file);
      }
      return file;
    };
    const scenariosOf = async (familyId: string): Promise<Scenarios> =>
      (await familyOf(familyId))?.scenarios ?? {};

    const summarizeOne = async (id: string, familyId: string): Promise<Outcome> => {
      const path = layout.sheetFile(id);
      // Stat before reading: if the file changes in between, the stamp is the older one and the next overview reads again.
      const file = await stampOf(path);
      if (!file) return { gone: true };
      const family = familyStamps.get(familyId) ?? null;
      const cached = index[id];
      if (cached && stillValid(cached, file, familyId, family)) return { entry: cached };
      try {
        const sheet = await readSheet(context, id);
        if (!sheet) return { gone: true };
        const usesFamily = sheet.microScenarios.useFamily;
        const summary = summaryOf(template, sheet, usesFamily ? await scenariosOf(familyId) : undefined);
        return { entry: { familyId, file, usesFamily, family: usesFamily ? family : null, summary } };
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
        // A reading session leaves a damaged file in place: shown, as the writer would after setting it aside.
        const unread = error.details?.unreadable as DamagedEntry | undefined;
        if (unread) return { unreadable: { ...unread, setAsideAt: new Date(file.mtimeMs).toISOString() } };
        if (error.code === 'damaged') return { gone: true };
        if (error.code !== 'unsupported') throw error;
        // Left in place for the newer version that wrote it; shown so the user knows why it is missing.
        return {
          unreadable: {
            id,
            kind: 'sheet',
            file: layout.display(path),
            reason: error.message,
            setAsideAt: new Date(file.mtimeMs).toISOString(),
          },
        };
      }
    };

    const variables = repository.families.flatMap((family) =>
      family.variables.map((variable) => ({ familyId: family.id, id: variable.id })),
    );
    const outcomes = new Map<string, Outcome>();
    await Promise.all(
      variables
        .filter((variable) => present.has(variable.id))
        .map(async (variable) => {
          outcomes.set(variable.id, await summarizeOne(variable.id, variable.familyId));
        }),
    );

    const nextIndex: SheetIndex = {};
    const unreadable: DamagedEntry[] = [];
    for (const [id, outcome] of outcomes) {
      if ('entry' in outcome) nextIndex[id] = outcome.entry;
      else if ('unreadable' in outcome) unreadable.push(outcome.unreadable);
    }
    await saveIndexIfChanged(context, templateKey, index, nextIndex);

    // The threads on a family's shared micro-scenarios are the family's, counted once for it,
    // never in the count of each sheet that shows them.
    const familyThreads = new Map(
      await Promise.all(
        repository.families.map(async (family) => {
          const file = familyStamps.get(family.id) ? await familyOf(family.id) : null;
          return [family.id, file ? openThreadCount(file.review) : 0] as const;
        }),
      ),
    );
    const damaged = [...unreadable, ...(await listDamaged(layout))];
    const summaryFor = (id: string): SheetSummary | null => nextIndex[id]?.summary ?? null;
    return {
      path: layout.root,
      name: repository.name,
      exercise: repository.exercise,
      families: repository.families.map((family) => ({
        id: family.id,
        number: family.number,
        name: family.name,
        openThreads: familyThreads.get(family.id) ?? 0,
        variables: family.variables.map((variable) => ({
          id: variable.id,
          name: variable.name,
          sheet: summaryFor(variable.id),
          damaged: damaged.filter((entry) => entry.kind === 'sheet' && entry.id === variable.id),
        })),
      })),
      damaged,
      trashCount: await countTrash(context),
    };
  });
}

async function saveIndexIfChanged(
  context: RepositoryContext,
  templateKey: string,
  before: SheetIndex,
  after: SheetIndex,
): Promise<void> {
  const beforeIds = Object.keys(before);
  const changed =
    beforeIds.length !== Object.keys(after).length || beforeIds.some((id) => before[id] !== after[id]);
  if (!changed || context.access === 'read') return;
  try {
    await writeIndex(context.layout, templateKey, after);
  } catch {
    // A cache that cannot be written (disk full, read-only) only costs speed on the next overview.
  }
}
