import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docOfParagraphs } from '../../shared/content/doc.js';
import { readDocx } from './docx-read/read-docx.js';
import { h1, para, title, wordFile } from './import/testing/word.js';
import { REVIEW_PROPERTY } from './export/docx/review-properties.js';
import { openRepository, openRepositoryForReading, type RepositorySession } from './session.js';
import { snapshot, tempDir, writeFixtureRepository } from './testing/fixtures.js';
import { sheetRevision } from './testing/history-fixture.js';

/**
 * Reading a repository another instance has open (the desktop app, `fiches serve`):
 * exports from the CLI, and later searches and listings. No lock, nothing written, ever,
 * and what is read is whole even while the other instance writes.
 */
let dir: string;
let repo: string;
let writer: RepositorySession;

beforeEach(async () => {
  dir = await tempDir();
  repo = await writeFixtureRepository(join(dir, 'depot'));
  writer = await openRepository(repo, {
    create: 'never',
    instance: 'desktop',
    history: { preferencesFile: join(dir, 'preferences.json') },
  });
  await writer.handlers['sheets:create']({ variableId: 'big-data' });
  await writer.handlers['sheets:update']({
    id: 'big-data',
    patch: { sections: { passe: docOfParagraphs(['Premier état.']) } },
  });
  await writer.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Première' });
});
afterEach(async () => {
  await writer.close();
  await rm(dir, { recursive: true, force: true });
});

const passeOf = (view: { sheet: { sections: Record<string, unknown> } }) => view.sheet.sections['passe'];

describe('a reading session', () => {
  it('reads a repository another instance holds, and leaves its lock alone', async () => {
    const lock = await readFile(join(repo, '.fiches.lock'), 'utf8');
    const reader = await openRepositoryForReading(repo);
    try {
      expect((await reader.handlers['repository:overview']({})).families[0]?.variables[0]?.sheet?.id).toBe(
        'big-data',
      );
      expect(passeOf(await reader.handlers['sheets:get']({ id: 'big-data' }))).toEqual(
        docOfParagraphs(['Premier état.']),
      );
      const rendered = await reader.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
      expect(Buffer.from(rendered.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      expect((await reader.handlers['history:list']({ sheetId: 'big-data' })).revisions).toHaveLength(2);
    } finally {
      await reader.close();
    }
    expect(await readFile(join(repo, '.fiches.lock'), 'utf8')).toBe(lock);
    // The writer still holds the repository and writes on.
    await writer.handlers['sheets:update']({ id: 'big-data', patch: { status: 'review' } });
  });

  it('names in a Word copy the latest revision when it holds the text, and none when the text moved on', async () => {
    const revisionOfCopy = async () => {
      const reader = await openRepositoryForReading(repo);
      try {
        const rendered = await reader.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
        return readDocx(Buffer.from(rendered.base64, 'base64'), 'copie.docx').properties.custom[
          REVIEW_PROPERTY.revision
        ];
      } finally {
        await reader.close();
      }
    };
    const latest = (await writer.handlers['history:list']({ sheetId: 'big-data' })).revisions[0];
    expect(await revisionOfCopy()).toBe(latest?.id);
    await writer.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: docOfParagraphs(['Texte jamais enregistré en version.']) } },
    });
    expect(await revisionOfCopy()).toBeUndefined();
  });

  it('has no operation that writes', async () => {
    const reader = await openRepositoryForReading(repo);
    const names = Object.keys(reader.handlers);
    for (const write of [
      'sheets:update',
      'sheets:create',
      'sheets:delete',
      'families:update',
      'history:restore',
    ]) {
      expect(names).not.toContain(write);
    }
    await reader.close();
  });

  it('tries an import and lists a review, and refuses their forms that write', async () => {
    const word = (
      await wordFile([title('Cobotique'), h1('Trajectoire de la variable'), para('L’euro.')])
    ).toString('base64');
    const before = await snapshot(repo);
    const reader = await openRepositoryForReading(repo);
    try {
      const proposal = await reader.handlers['import:analyse']({ name: 'cobotique.docx', base64: word });
      const choices = {
        fingerprint: proposal.fingerprint,
        variable: { kind: 'existing' as const, variableId: 'cobotique' },
        replaceExisting: false,
        targets: {},
        unplacedSection: proposal.unplacedSection,
      };
      const tried = await reader.handlers['import:apply']({
        name: 'monnaie.docx',
        base64: word,
        choices,
        dryRun: true,
      });
      expect(tried).toMatchObject({ sheetId: 'cobotique', created: true, dryRun: true, revision: null });
      await expect(
        reader.handlers['import:apply']({ name: 'cobotique.docx', base64: word, choices }),
      ).rejects.toMatchObject({ code: 'read-only', message: expect.stringMatching(/lecture seule/) });

      const copy = await reader.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
      const listed = await reader.handlers['review:import']({
        sheetId: 'big-data',
        name: 'relu.docx',
        base64: copy.base64,
        apply: 'none',
      });
      expect(listed.applied).toBe('none');
      await expect(
        reader.handlers['review:import']({
          sheetId: 'big-data',
          name: 'relu.docx',
          base64: copy.base64,
          apply: 'comments',
        }),
      ).rejects.toMatchObject({ code: 'read-only' });
    } finally {
      await reader.close();
    }
    expect(await snapshot(repo)).toEqual(before);
  });

  it('writes nothing, even facing a damaged sheet, a torn history and a stale cache', async () => {
    await writer.handlers['sheets:create']({ variableId: 'cobotique' });
    await writeFile(join(repo, 'sheets', 'cobotique.json'), '{"schemaVersion": 1, "id": "cob');
    // An append of the writer in progress, as a reader may catch it.
    await appendFile(join(repo, 'history', 'big-data', 'revisions.jsonl'), '{"seq":3,"at":"2025-');
    await rm(join(repo, 'index.json'), { force: true });
    const before = await snapshot(repo);

    const reader = await openRepositoryForReading(repo);
    const overview = await reader.handlers['repository:overview']({});
    const cobotique = overview.families[0]?.variables[1];
    expect(cobotique?.sheet).toBeNull();
    expect(cobotique?.damaged).toEqual([
      expect.objectContaining({
        id: 'cobotique',
        file: 'sheets/cobotique.json',
        reason: expect.stringMatching(/JSON tronqué/),
      }),
    ]);
    await expect(reader.handlers['sheets:get']({ id: 'cobotique' })).rejects.toMatchObject({
      code: 'damaged',
    });
    const { revisions, problems } = await reader.handlers['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([]);
    expect(revisions.map((revision) => revision.seq)).toEqual([2, 1]);
    await reader.close();
    expect(await snapshot(repo)).toEqual(before);
  });

  it('sees what the writer saved and recorded since it last looked', async () => {
    const reader = await openRepositoryForReading(repo);
    try {
      expect((await reader.handlers['history:list']({ sheetId: 'big-data' })).revisions).toHaveLength(2);
      await writer.handlers['sheets:update']({
        id: 'big-data',
        patch: { sections: { passe: docOfParagraphs(['Second état.']) } },
      });
      await writer.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Seconde' });
      expect(passeOf(await reader.handlers['sheets:get']({ id: 'big-data' }))).toEqual(
        docOfParagraphs(['Second état.']),
      );
      const { revisions } = await reader.handlers['history:list']({ sheetId: 'big-data' });
      expect(revisions.map((revision) => revision.name)).toEqual(['Seconde', 'Première', undefined]);
      const { sheet } = await sheetRevision(reader.handlers, 'big-data', revisions[0]?.seq ?? 0);
      expect(sheet.sections['passe']).toEqual(docOfParagraphs(['Second état.']));
    } finally {
      await reader.close();
    }
  });

  it('refuses a folder that is not a repository, and never creates one', async () => {
    await expect(openRepositoryForReading(join(dir, 'absent'))).rejects.toMatchObject({
      code: 'not-a-repository',
    });
    expect(await readFile(join(dir, 'absent')).catch((error: NodeJS.ErrnoException) => error.code)).toBe(
      'ENOENT',
    );
  });
});
