import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConflictLabels } from '../../../shared/merge/conflicts.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { applyTree, changedBetween } from './apply.js';
import type { CredentialStore } from './credentials.js';
import { commitMessage, describeChanges, nameOf, type PathChange } from './describe.js';
import { SHEET_PATH } from './file-merge.js';
import type { Relation } from './ancestry.js';
import type { Author, GitRepository, ProgressEvent, TreeFiles } from './repo.js';
import { mergeTrees } from './tree-merge.js';

/**
 * One sync: the local changes recorded as a commit signed with the author's name, then
 * fetch, merge (by meaning: tree-merge.ts, file-merge.ts) and push. A push refused because
 * a colleague pushed first starts again from the fetch, a few times. Every step can be
 * killed: each file is written whole (git-fs.ts, apply.ts), the branch moves only once the
 * working tree holds what it points at, and the next sync picks up from whatever is on
 * disk, merging by meaning what it finds twice into one.
 */
export type SyncPoint = 'commit' | 'commit:staged' | 'fetch' | 'merge' | 'apply' | 'push';

export interface SyncHooks {
  /** Called as each phase starts, and after each file the merge writes (tests kill the sync there). */
  at?: (point: SyncPoint, detail?: string) => Promise<void> | void;
}

export interface SyncRun {
  context: RepositoryContext;
  repo: GitRepository;
  remote: string;
  credentials: CredentialStore;
  author: Author;
  hooks?: SyncHooks;
  onProgress?: (event: ProgressEvent) => void;
}

export interface SyncReport {
  /** Sheet ids, each in one list: sent (changed here only), received, merged (both), in conflict. */
  sent: string[];
  received: string[];
  merged: string[];
  conflicts: string[];
  /** What the user should know (a deleted sheet that came back, a setting kept…), in French. */
  notes: string[];
  /** Whether anything was pushed. */
  pushed: boolean;
}

const PUSH_ATTEMPTS = 5;
/**
 * The pause before pushing again, times the attempt: a colleague's push that holds the
 * remote's lock is usually written within a few hundred milliseconds.
 */
const RETRY_PAUSE_MS = 100;

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const sheetIds = (paths: Iterable<string>) =>
  [...paths].map((path) => SHEET_PATH.exec(path)?.[1]).filter((id): id is string => id !== undefined);

/** Commits what changed since the last commit; answers whether there was anything. */
export async function commitLocalChanges(run: SyncRun, fallback = 'Modifications'): Promise<boolean> {
  const { repo, context } = run;
  const status = await repo.workingTreeStatus();
  const paths = await repo.changedPaths(status);
  if (paths.length === 0) return false;
  const head = await repo.files(await repo.head());
  const changes: PathChange[] = await Promise.all(
    paths.map(async (path) => ({
      path,
      before: head.get(path) ? await repo.readBlob((head.get(path) as { oid: string }).oid) : undefined,
      after: await readOrUndefined(join(context.layout.root, path)),
    })),
  );
  const message = commitMessage(await describeChanges(context, changes), fallback);
  return (
    (await repo.commitWorkingTree(
      message,
      run.author,
      undefined,
      () => run.hooks?.at?.('commit:staged'),
      status,
    )) !== undefined
  );
}

/** Brings in the remote's commit `theirs`, ahead of `ours` or beside it; answers what it did to which sheets. */
async function mergeRemote(
  run: SyncRun,
  ours: string | undefined,
  theirs: string,
  relation: Relation | undefined,
  report: SyncReport,
): Promise<void> {
  const { repo, context } = run;
  const theirAuthor = await repo.authorOf(theirs);
  const labels: ConflictLabels = { ourAuthor: run.author.name, theirAuthor, at: new Date().toISOString() };
  const oursFiles = await repo.files(ours);
  const fastForward = ours === undefined || relation?.kind === 'behind';
  let target: TreeFiles;
  const merged = new Set<string>();
  if (fastForward) {
    target = await repo.files(theirs);
    report.received.push(...sheetIds(changedBetween(oursFiles, target)));
  } else {
    const base = relation?.kind === 'diverged' ? relation.base : undefined;
    const merge = await mergeTrees(
      repo,
      await repo.files(base),
      oursFiles,
      await repo.files(theirs),
      labels,
      (id) => nameOf(context, id),
    );
    target = merge.files;
    report.notes.push(...merge.notes);
    for (const { path, how, conflicts } of merge.merged) {
      if (how === 'merged') merged.add(path);
      const [id] = sheetIds([path]);
      if (!id) continue;
      if (conflicts.length > 0) report.conflicts.push(id);
      else (how === 'theirs' ? report.received : report.merged).push(id);
    }
  }
  await run.hooks?.at?.('apply');
  const applied = await applyTree(context, repo, oursFiles, target, labels, merged, {
    afterFile: (path) => run.hooks?.at?.('apply', path),
  });
  const lines = await describeChanges(
    context,
    await Promise.all(
      applied.map(async (path) => ({
        path,
        before: oursFiles.get(path)
          ? await repo.readBlob((oursFiles.get(path) as { oid: string }).oid)
          : undefined,
        after: target.get(path) ? await repo.readBlob((target.get(path) as { oid: string }).oid) : undefined,
      })),
    ),
  );
  if (fastForward) {
    // The branch takes the colleague's commit; what the sync recorded here (the sheets'
    // revisions) and anything typed meanwhile become a commit of ours on top.
    await repo.moveBranch(theirs);
    await repo.resetIndex(applied);
    await commitLocalChanges(run, 'Synchronisation');
    return;
  }
  const body = lines.map((line) => `- ${line}`).join('\n');
  await repo.commitWorkingTree(fr`Synchronisation avec ${theirAuthor}\n\n${body}\n`, run.author, [
    ours as string,
    theirs,
  ]);
}

export async function runSync(run: SyncRun): Promise<SyncReport> {
  const { repo } = run;
  const report: SyncReport = { sent: [], received: [], merged: [], conflicts: [], notes: [], pushed: false };
  await run.hooks?.at?.('commit');
  await commitLocalChanges(run);
  for (let attempt = 1; ; attempt += 1) {
    await run.hooks?.at?.('fetch');
    const theirs = await repo.fetch(run.remote, run.credentials, run.onProgress);
    let ours = await repo.head();
    const relation = theirs && ours ? await repo.relation(ours, theirs) : undefined;
    if (
      theirs !== undefined &&
      (ours === undefined || relation?.kind === 'behind' || relation?.kind === 'diverged')
    ) {
      await run.hooks?.at?.('merge');
      await mergeRemote(run, ours, theirs, relation, report);
      ours = await repo.head();
    }
    if (ours === undefined || ours === theirs) break;
    const sent = sheetIds(changedBetween(await repo.files(theirs), await repo.files(ours)));
    await run.hooks?.at?.('push');
    if (await repo.push(run.remote, run.credentials, run.onProgress)) {
      const touched = new Set([...report.received, ...report.merged, ...report.conflicts]);
      report.sent.push(...sent.filter((id) => !touched.has(id) && !report.sent.includes(id)));
      report.pushed = true;
      break;
    }
    if (attempt >= PUSH_ATTEMPTS) {
      throw new AppFailure(
        'remote',
        fr`Le dépôt partagé change trop vite (${PUSH_ATTEMPTS} envois refusés de suite) : vos modifications sont gardées ici, réessayez dans un instant.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * attempt));
  }
  await repo.compact();
  const dedupe = (list: string[]) => [...new Set(list)];
  report.received = dedupe(
    report.received.filter((id) => !report.merged.includes(id) && !report.conflicts.includes(id)),
  );
  report.merged = dedupe(report.merged.filter((id) => !report.conflicts.includes(id)));
  report.conflicts = dedupe(report.conflicts);
  return report;
}
