import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../../shared/model/history.js';
import { openRepository, type RepositorySession } from '../session.js';
import { tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import { sheetRevision, text } from '../testing/history-fixture.js';

/**
 * Two copies of a shared repository record revisions of one sheet offline; a sync then
 * carries each copy's own history files to the other (the sync tests do it through git;
 * here the files are copied as git would). Every revision of both stays listed, in time
 * order, under the same id and number on both copies, and restorable.
 */
let dir: string;
let clock = Date.parse('2025-03-12T09:00:00.000Z');

interface Copy {
  repo: string;
  session: RepositorySession;
}

const open = (repo: string) =>
  openRepository(repo, {
    create: 'never',
    history: {
      now: () => new Date(clock),
      preferencesFile: join(repo, '..', `${repo.split('/').pop()}-prefs.json`),
    },
  });

async function reopen(copy: Copy): Promise<void> {
  await copy.session.close();
  copy.session = await open(copy.repo);
}

const historyFolder = (repo: string) => join(repo, 'history', 'big-data');
const list = (copy: Copy) => copy.session.handlers['history:list']({ sheetId: 'big-data' });
const brief = (revisions: RevisionSummary[]) =>
  revisions.map(({ id, seq, name, author }) => ({ id, seq, name, author }));

/** What a sync carries: the other copy's own history files (and the sheet, merged elsewhere). */
async function carryHistory(from: Copy, to: Copy): Promise<void> {
  for (const name of await readdir(historyFolder(from.repo))) {
    if (/-[0-9a-f]{12}\.jsonl$/.test(name))
      await cp(join(historyFolder(from.repo), name), join(historyFolder(to.repo), name));
  }
}

let anne: Copy;
let bruno: Copy;

beforeEach(async () => {
  dir = await tempDir('fiches-union-');
  const repo = await writeFixtureRepository(join(dir, 'anne'));
  anne = { repo, session: await open(repo) };
  await anne.session.handlers['preferences:set']({ authorName: 'Anne' });
  await anne.session.handlers['sheets:create']({ variableId: 'big-data' });
  await anne.session.handlers['sheets:update']({
    id: 'big-data',
    patch: { sections: { trajectoire: text('Définition.', 'Enjeux.'), passe: text('Avant 2000.') } },
  });
  await anne.session.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Avant le partage' });
  await anne.session.close();
  // Shared: the folder is a git working tree now; Bruno's copy is a clone of it.
  await mkdir(join(repo, '.git'));
  await cp(repo, join(dir, 'bruno'), { recursive: true });
  anne.session = await open(repo);
  bruno = { repo: join(dir, 'bruno'), session: await open(join(dir, 'bruno')) };
  await bruno.session.handlers['preferences:set']({ authorName: 'Bruno' });
});

afterEach(async () => {
  await anne.session.close();
  await bruno.session.close();
  await rm(dir, { recursive: true, force: true });
});

describe('history of a shared sheet', () => {
  it('lists every revision of both copies after a sync, in time order, the same on both', async () => {
    const before = await list(anne);
    clock += 10 * 60_000;
    await anne.session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { trajectoire: text('Définition d’Anne.', 'Enjeux.') } },
    });
    await anne.session.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Anne, 10 h 10' });
    // Bruno worked earlier, offline.
    clock -= 5 * 60_000;
    await bruno.session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: text('Avant 1990.') } },
    });
    await bruno.session.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Bruno, 10 h 05' });

    // Each copy wrote its own files, never the ones from before sharing.
    const anneFiles = await readdir(historyFolder(anne.repo));
    const brunoFiles = await readdir(historyFolder(bruno.repo));
    const own = (files: string[]) => files.filter((name) => /-[0-9a-f]{12}\.jsonl$/.test(name)).sort();
    expect(own(anneFiles)).toHaveLength(2);
    expect(own(brunoFiles)).toHaveLength(2);
    expect(own(anneFiles)).not.toEqual(own(brunoFiles));
    expect(await readFile(join(historyFolder(bruno.repo), 'revisions.jsonl'), 'utf8')).toBe(
      await readFile(join(historyFolder(anne.repo), 'revisions.jsonl'), 'utf8'),
    );

    await carryHistory(anne, bruno);
    await carryHistory(bruno, anne);
    await reopen(anne);
    await reopen(bruno);
    const onAnne = await list(anne);
    const onBruno = await list(bruno);
    expect(brief(onAnne.revisions)).toEqual(brief(onBruno.revisions));
    expect(onAnne.revisions.map((r) => r.name)).toEqual([
      'Anne, 10 h 10',
      'Bruno, 10 h 05',
      ...before.revisions.map((r) => r.name),
    ]);
    // Numbers follow time; those from before sharing keep theirs.
    const seqs = onAnne.revisions.map((r) => r.seq).reverse();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(brief(onAnne.revisions.slice(2))).toEqual(brief(before.revisions));
    expect(onAnne.problems).toEqual([]);
    // What a revision changed is told against the one listed before it, whoever wrote it.
    expect(onAnne.revisions[0]?.changed).toEqual(['section/trajectoire']);
    expect(onAnne.revisions[1]?.changed).toEqual(['section/passe']);
  });

  it('reads and restores a colleague’s revision by its id, on either copy', async () => {
    clock += 5 * 60_000;
    await bruno.session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: text('Avant 1990.') } },
    });
    const bruno1 = await bruno.session.handlers['history:recordVersion']({
      sheetId: 'big-data',
      name: 'Bruno',
    });
    await carryHistory(bruno, anne);
    await reopen(anne);
    const got = await sheetRevision(anne.session.handlers, 'big-data', bruno1.id);
    expect(got.revision).toMatchObject({ id: bruno1.id, name: 'Bruno', author: 'Bruno' });
    expect(got.sheet.sections.passe).toEqual(text('Avant 1990.'));
    const restored = await anne.session.handlers['history:restore']({
      sheetId: 'big-data',
      seq: bruno1.id,
      parts: ['section/passe'],
    });
    // Numbers are those listed now: Anne's revisions may take place around Bruno's.
    const listed = (await list(anne)).revisions.find((r) => r.id === bruno1.id);
    expect(restored.restore).toMatchObject({
      kind: 'restore',
      restoredFrom: bruno1.id,
      restoredFromSeq: listed?.seq,
      author: 'Anne',
    });
    expect((await list(anne)).revisions[0]?.id).toBe(restored.restore!.id);
    expect((await anne.session.handlers['sheets:get']({ id: 'big-data' })).sheet.sections.passe).toEqual(
      text('Avant 1990.'),
    );
    // Anne's restore reaches Bruno: there it names the same revision.
    await carryHistory(anne, bruno);
    await reopen(bruno);
    const onBruno = await list(bruno);
    expect(onBruno.revisions[0]).toMatchObject({ id: restored.restore!.id, restoredFrom: bruno1.id });
  });

  it('does not store again what a colleague’s files already hold', async () => {
    await carryHistory(anne, bruno);
    await bruno.session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: text('Avant 1990.') } },
    });
    await bruno.session.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Bruno' });
    const objects = (await readdir(historyFolder(bruno.repo))).find((name) =>
      /^objects-/.test(name),
    ) as string;
    const stored = (await readFile(join(historyFolder(bruno.repo), objects), 'utf8'))
      .split('\n')
      .filter(Boolean);
    // The new paragraph and its section's list of blocks; the rest is in the shared files.
    expect(stored).toHaveLength(2);
  });
});
