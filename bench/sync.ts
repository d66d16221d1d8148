import { readdir, rm, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import { openRepository, type RepositorySession } from '../main/services/index.js';
import { MemoryCredentialStore } from '../main/services/sync/credentials.js';
import { joinRepository } from '../main/services/sync/join.js';
import { startGitServer } from '../main/services/testing/git-server.js';
import { sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

/**
 * A shared repository of the sample's 29 sheets, against a real git server (git
 * http-backend on 127.0.0.1): 1,000 syncs of a one-paragraph edit (what they add to
 * .git), then a sync with nothing to do, a join of that 1,000-commit repository, and a
 * sync merging 10 sheets changed on each side.
 */
const SYNCS = 1000;
const MERGE_ROUNDS = 5;

async function gitBytes(repo: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(join(repo, '.git'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

/** One paragraph of a section of `sheet`, given a new ending (the n-th, cycling through them). */
async function editParagraph(session: RepositorySession, sheet: string, n: number): Promise<void> {
  const { sections } = (await session.handlers['sheets:get']({ id: sheet })).sheet;
  const places = Object.entries(sections).flatMap(([id, doc]) =>
    (doc.content ?? []).flatMap((block, index) => (block.type === 'paragraph' ? [{ id, index }] : [])),
  );
  const { id, index } = places[n % places.length] as { id: string; index: number };
  const doc = sections[id] as DocNode;
  const content = [...(doc.content ?? [])];
  const block = content[index] as DocNode;
  content[index] = {
    ...block,
    content: [...(block.content ?? []), { type: 'text', text: ` Révision ${n}.` }],
  };
  await session.handlers['sheets:update']({ id: sheet, patch: { sections: { [id]: { ...doc, content } } } });
}

export async function benchSync(): Promise<void> {
  const server = await startGitServer();
  const credentials = new MemoryCredentialStore({ username: server.user, password: server.password });
  const { path: anneRepo, session: created } = await sampleRepository('sync');
  await created.close();
  const open = (repo: string) => openRepository(repo, { create: 'never', sync: { credentials } });
  let anne = await open(anneRepo);
  const folder = dirname(anneRepo);
  try {
    const overview = await anne.handlers['repository:overview']({});
    const bigData = (await anne.handlers['sheets:get']({ id: 'big-data' })).sheet.sections;
    const ids = overview.families.flatMap((family) => family.variables.map((variable) => variable.id));
    for (const id of ids) {
      if (id === 'big-data') continue;
      await anne.handlers['sheets:create']({ variableId: id });
      await anne.handlers['sheets:update']({ id, patch: { sections: bigData } });
    }
    const remote = await server.createRepository('bench.git');
    await anne.handlers['sync:share']({ remote });

    const before = await gitBytes(anneRepo);
    const each: number[] = [];
    for (let n = 0; n < SYNCS; n += 1) {
      await editParagraph(anne, 'big-data', n);
      each.push((await timed(() => anne.handlers['sync:run']({})))[1]);
    }
    report(
      'sync-1000-edits-git-growth',
      ((await gitBytes(anneRepo)) - before) / 1024 / 1024,
      'MB',
      `${SYNCS} syncs of a one-paragraph edit of Big Data (${ids.length} sheets); target ≤ 5`,
    );
    report('sync-one-edit-p50', percentile(each, 50), 'ms', 'commit, fetch, push of one edited sheet');

    // A new session, as after a restart: nothing changed since the last sync.
    await anne.close();
    anne = await open(anneRepo);
    const noop: number[] = [];
    for (let i = 0; i < 10; i += 1) noop.push((await timed(() => anne.handlers['sync:run']({})))[1]);
    report(
      'sync-noop',
      percentile(noop, 50),
      'ms',
      `${ids.length} sheets, ${SYNCS + 1} commits; p50 of 10; target ≤ 1000`,
    );

    const brunoRepo = join(folder, 'bruno');
    const [, joining] = await timed(() => joinRepository({ remote, folder: brunoRepo, credentials }));
    report('join', joining, 'ms', `clone of the ${SYNCS + 1}-commit repository, checked; target ≤ 10000`);

    const bruno = await open(brunoRepo);
    try {
      const merges: number[] = [];
      const cpu: number[] = [];
      let last: { received: string[]; sent: string[] } = { received: [], sent: [] };
      for (let round = 0; round < MERGE_ROUNDS; round += 1) {
        for (let i = 0; i < 10; i += 1) {
          await editParagraph(anne, ids[i] as string, SYNCS + round);
          await editParagraph(bruno, ids[10 + i] as string, SYNCS + round);
        }
        await anne.handlers['sync:run']({});
        const before = process.cpuUsage();
        const [merged, merging] = await timed(() => bruno.handlers['sync:run']({}));
        const used = process.cpuUsage(before);
        merges.push(merging);
        cpu.push((used.user + used.system) / 1000);
        last = merged;
        // Anne takes the merge, so that the next round starts again from one shared state.
        await anne.handlers['sync:run']({});
      }
      report(
        'sync-merge',
        percentile(merges, 50),
        'ms',
        `10 sheets changed on each side: ${last.received.length} received, ${last.sent.length} sent; p50 of ${MERGE_ROUNDS}; target ≤ 3000`,
      );
      report(
        'sync-merge-cpu',
        Math.round(percentile(cpu, 50)),
        'ms',
        `CPU time of this process during sync-merge (the git server's request handling included, not its git processes); load average ${(loadavg()[0] ?? 0).toFixed(2)}`,
      );
    } finally {
      await bruno.close();
    }
  } finally {
    await anne.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
