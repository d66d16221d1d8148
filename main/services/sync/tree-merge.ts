import type { ConflictLabels } from '../../../shared/merge/conflicts.js';
import type { Conflict } from '../../../shared/model/sheet.js';
import { fr } from '../french.js';
import { mergeFileContents, SHEET_PATH } from './file-merge.js';
import type { FileEntry, GitRepository, TreeFiles } from './repo.js';

/**
 * The three-way merge of two commits' files, path by path, on isomorphic-git's objects.
 * Ours rather than isomorphic-git's merge: that one hands its merge driver a file's base
 * name only (sheets/x.json and families/x.json look alike) and stops at a file deleted on
 * one side and edited on the other, where Fiches lets the edit win and says so. A path
 * changed on one side takes that side; changed on both, it goes through the merge driver
 * (file-merge.ts) and the merged bytes become a new blob. Nothing touches the working
 * tree here: apply.ts does, under the repository's queues.
 */
export interface PathMerge {
  path: string;
  /** 'theirs': taken from the other side; 'merged': combined from both. */
  how: 'theirs' | 'merged';
  conflicts: Conflict[];
}

export interface TreeMerge {
  files: TreeFiles;
  merged: PathMerge[];
  /** Sheets deleted on one side and edited on the other: they stay, edited. */
  revived: string[];
  notes: string[];
}

const same = (a: FileEntry | undefined, b: FileEntry | undefined) => a?.oid === b?.oid && a?.mode === b?.mode;

export async function mergeTrees(
  repo: GitRepository,
  base: TreeFiles,
  ours: TreeFiles,
  theirs: TreeFiles,
  labels: ConflictLabels,
  /** A sheet's name for the notes (its variable's), its id by default. */
  nameOf: (sheetId: string) => Promise<string> = async (id) => id,
): Promise<TreeMerge> {
  const files: TreeFiles = new Map(ours);
  const result: TreeMerge = { files, merged: [], revived: [], notes: [] };
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const path of [...paths].sort()) {
    const [b, o, t] = [base.get(path), ours.get(path), theirs.get(path)];
    if (same(o, t) || same(b, t)) continue;
    if (same(b, o)) {
      if (t) files.set(path, t);
      else files.delete(path);
      result.merged.push({ path, how: 'theirs', conflicts: [] });
      continue;
    }
    if (!o || !t) {
      // Deleted on one side, edited on the other: the edit wins.
      const kept = (o ?? t) as FileEntry;
      files.set(path, kept);
      if (!o) result.merged.push({ path, how: 'theirs', conflicts: [] });
      const sheet = SHEET_PATH.exec(path)?.[1];
      if (sheet) {
        result.revived.push(sheet);
        const name = await nameOf(sheet);
        result.notes.push(
          o
            ? fr`La fiche « ${name} », supprimée par ${labels.theirAuthor}, a été modifiée ici : elle est gardée.`
            : fr`La fiche « ${name} », supprimée ici, a été modifiée par ${labels.theirAuthor} : elle revient, avec ses modifications (votre copie supprimée reste dans la corbeille).`,
        );
      }
      continue;
    }
    const merged = mergeFileContents(
      path,
      b ? await repo.readBlob(b.oid) : undefined,
      await repo.readBlob(o.oid),
      await repo.readBlob(t.oid),
      labels,
    );
    files.set(path, { oid: await repo.writeBlob(merged.bytes), mode: o.mode });
    result.merged.push({ path, how: 'merged', conflicts: merged.conflicts });
    result.notes.push(...merged.notes);
  }
  return result;
}
