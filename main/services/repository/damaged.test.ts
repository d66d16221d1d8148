import { lstat, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { failure } from '../testing/failure.js';

let repo: string;
let h: ServiceHandlers;

openFixturePerTest(async (fixture) => {
  ({ repo, h } = fixture);
  await h['sheets:create']({ variableId: 'big-data' });
  await h['sheets:create']({ variableId: 'cobotique' });
  await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: docOfParagraphs(['Un texte']) } } });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests write invalid shapes on purpose
type Loose = any;

const sheetPath = (id: string) => join(repo, 'sheets', `${id}.json`);

/** Rewrites the sheet file with `edit` applied to its JSON. */
async function tamper(id: string, edit: (sheet: Loose) => void): Promise<void> {
  const sheet = JSON.parse(await readFile(sheetPath(id), 'utf8'));
  edit(sheet);
  await writeFile(sheetPath(id), JSON.stringify(sheet));
}

describe('a damaged sheet', () => {
  it('is set aside byte for byte with its reason; the rest keeps working', async () => {
    const whole = await readFile(sheetPath('big-data'));
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    await writeFile(sheetPath('big-data'), truncated);

    const overview = await h['repository:overview']({});
    const [bigData, cobotique] = overview.families[0]?.variables ?? [];
    expect(bigData?.sheet).toBeNull();
    expect(cobotique?.sheet?.id).toBe('cobotique');
    expect(overview.damaged).toHaveLength(1);
    const entry = overview.damaged[0];
    expect(entry).toMatchObject({ id: 'big-data', kind: 'sheet' });
    expect(entry?.file).toMatch(/^damaged\/big-data\.\d{8}t\d{9}z\.json$/);
    expect(entry?.reason).toMatch(/^sheets\/big-data\.json\u00a0: JSON tronqué ou invalide\u00a0: /);
    expect(bigData?.damaged).toEqual([entry]);

    expect(await readFile(join(repo, entry?.file ?? ''))).toEqual(truncated);
    const reasonFile = join(repo, (entry?.file ?? '').replace(/\.json$/, '.reason.json'));
    expect(JSON.parse(await readFile(reasonFile, 'utf8'))).toEqual(entry);
    expect(await readdir(join(repo, 'sheets'))).toEqual(['cobotique.json']);

    const error = await failure(h['sheets:get']({ id: 'big-data' }));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain(entry?.file);
    expect(error.message).toContain('JSON tronqué ou invalide');

    // A new sheet can be started; the damaged bytes stay where they were put.
    await h['sheets:create']({ variableId: 'big-data' });
    expect(await readFile(join(repo, entry?.file ?? ''))).toEqual(truncated);
    expect((await h['repository:overview']({})).damaged).toEqual([entry]);
  });

  it('is set aside when first opened, with the field in the reason', async () => {
    await tamper('big-data', (sheet) => {
      sheet.sections.passe.content[0].type = 42;
    });
    const error = await failure(h['sheets:get']({ id: 'big-data' }));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('sheets/big-data.json\u00a0: sections.passe.content.0.type\u00a0: ');
    expect(await readdir(join(repo, 'sheets'))).toEqual(['cobotique.json']);
    // Asked again, the answer is still `damaged`, with the reason recorded.
    const again = await failure(h['sheets:get']({ id: 'big-data' }));
    expect(again.code).toBe('damaged');
    expect(again.message).toContain('sections.passe.content.0.type');
  });

  it.each([
    [
      'content outside the node set',
      (sheet: Loose) => (sheet.sections.passe = { type: 'doc', content: [{ type: 'script' }] }),
      'sections.passe\u00a0: Contenu non conforme',
    ],
    [
      'an id that is not its file name',
      (sheet: Loose) => (sheet.id = 'autre'),
      'id\u00a0: «\u00a0autre\u00a0»',
    ],
    [
      'a missing field',
      (sheet: Loose) => delete sheet.microScenarios,
      'microScenarios\u00a0: Entrée invalide',
    ],
  ])('is set aside for %s, also when saving', async (_, edit, reason) => {
    await tamper('big-data', edit);
    const error = await failure(h['sheets:update']({ id: 'big-data', patch: { status: 'review' } }));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain(reason);
    expect(await readdir(join(repo, 'sheets'))).toEqual(['cobotique.json']);
  });

  it('from a newer version is left in place and reported', async () => {
    await tamper('big-data', (sheet) => (sheet.schemaVersion = 7));
    const bytes = await readFile(sheetPath('big-data'));
    expect((await failure(h['sheets:get']({ id: 'big-data' }))).code).toBe('unsupported');
    const overview = await h['repository:overview']({});
    expect(overview.families[0]?.variables[0]?.sheet).toBeNull();
    expect(overview.damaged).toEqual([
      expect.objectContaining({
        id: 'big-data',
        file: 'sheets/big-data.json',
        reason: expect.stringMatching(/plus récente/),
      }),
    ]);
    expect(await readFile(sheetPath('big-data'))).toEqual(bytes);
    expect(await readdir(join(repo, 'damaged')).catch(() => [])).toEqual([]);
  });

  it('is still listed when its reason file was lost', async () => {
    await writeFile(sheetPath('big-data'), '{');
    const [entry] = (await h['repository:overview']({})).damaged;
    await rm(join(repo, (entry?.file ?? '').replace(/\.json$/, '.reason.json')));
    const [listed] = (await h['repository:overview']({})).damaged;
    expect(listed).toMatchObject({
      id: 'big-data',
      file: entry?.file,
      reason: expect.stringMatching(/raison inconnue/),
    });
  });
});

describe('a damaged family file', () => {
  it('is set aside; the family’s sheets still open; saving after it starts a new file', async () => {
    await h['families:update']({ familyId: 'technologies', patch: { note: docOfParagraphs(['Note']) } });
    const familyPath = join(repo, 'families', 'technologies.json');
    await writeFile(
      familyPath,
      '{"schemaVersion": 1, "familyId": "technologies", "note": 12, "scenarios": {}}',
    );

    const failed = await failure(
      h['families:update']({ familyId: 'technologies', patch: { note: docOfParagraphs(['Nouvelle']) } }),
    );
    expect(failed.code).toBe('damaged');
    expect(failed.message).toContain('families/technologies.json\u00a0: note\u00a0: ');

    const view = await h['sheets:get']({ id: 'big-data' });
    expect(view.familyShared.note).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    const overview = await h['repository:overview']({});
    expect(overview.damaged).toEqual([expect.objectContaining({ id: 'technologies', kind: 'family' })]);

    await h['families:update']({ familyId: 'technologies', patch: { note: docOfParagraphs(['Nouvelle']) } });
    expect((await h['sheets:get']({ id: 'big-data' })).familyShared.note).toEqual(
      docOfParagraphs(['Nouvelle']),
    );
  });
});

describe('what is not a plain file of the repository', () => {
  it('sets aside a folder in place of a sheet file; the home view keeps working', async () => {
    await rm(sheetPath('big-data'));
    await mkdir(sheetPath('big-data'));
    await writeFile(join(sheetPath('big-data'), 'dedans.txt'), 'à garder');

    const overview = await h['repository:overview']({});
    const [bigData, cobotique] = overview.families[0]?.variables ?? [];
    expect(cobotique?.sheet?.id).toBe('cobotique');
    expect(bigData?.sheet).toBeNull();
    expect(bigData?.damaged).toEqual([
      expect.objectContaining({
        id: 'big-data',
        reason: 'sheets/big-data.json\u00a0: c’est un dossier, pas un fichier de fiche.',
      }),
    ]);
    const entry = bigData?.damaged[0];
    expect(await readFile(join(repo, entry?.file ?? '', 'dedans.txt'), 'utf8')).toBe('à garder');
    expect(await readdir(join(repo, 'sheets'))).toEqual(['cobotique.json']);
    expect((await failure(h['sheets:get']({ id: 'big-data' }))).code).toBe('damaged');
  });

  it('never reads a sheet through a link that leaves the repository, and sets the link aside', async () => {
    const outside = join(repo, '..', 'ailleurs.json');
    const sheet = JSON.parse(await readFile(sheetPath('cobotique'), 'utf8')) as Loose;
    sheet.sections.passe = docOfParagraphs(['SECRET venu d’ailleurs']);
    await writeFile(outside, JSON.stringify(sheet));
    await rm(sheetPath('cobotique'));
    await symlink(outside, sheetPath('cobotique'));

    const overview = await h['repository:overview']({});
    expect(JSON.stringify(overview)).not.toContain('SECRET');
    const cobotique = overview.families[0]?.variables[1];
    expect(cobotique?.sheet).toBeNull();
    expect(cobotique?.damaged[0]?.reason).toBe(
      `sheets/cobotique.json\u00a0: c’est un lien vers ${outside}, hors du dossier du dépôt\u00a0: Fiches ne lit rien hors du dépôt.`,
    );
    const error = await failure(h['sheets:get']({ id: 'cobotique' }));
    expect(error.code).toBe('damaged');
    expect(error.message).not.toContain('SECRET');
    // The link itself was moved, its target left alone.
    const setAside = join(repo, cobotique?.damaged[0]?.file ?? '');
    expect((await lstat(setAside)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(outside, 'utf8'))).toEqual(sheet);
  });

  it('never reads a family file through a link that leaves the repository', async () => {
    const outside = join(repo, '..', 'famille.json');
    await writeFile(
      outside,
      JSON.stringify({
        schemaVersion: 1,
        familyId: 'technologies',
        note: docOfParagraphs(['SECRET']),
        scenarios: {},
      }),
    );
    await mkdir(join(repo, 'families'), { recursive: true });
    await symlink(outside, join(repo, 'families', 'technologies.json'));
    const view = await h['sheets:get']({ id: 'big-data' });
    expect(JSON.stringify(view)).not.toContain('SECRET');
    expect((await h['repository:overview']({})).damaged).toEqual([
      expect.objectContaining({
        id: 'technologies',
        kind: 'family',
        reason: expect.stringMatching(/hors du dossier du dépôt/),
      }),
    ]);
  });

  it('reads a sheet through a link that stays inside the repository', async () => {
    await mkdir(join(repo, 'rangement'));
    await rename(sheetPath('cobotique'), join(repo, 'rangement', 'cobotique.json'));
    await symlink(join('..', 'rangement', 'cobotique.json'), sheetPath('cobotique'));
    expect((await h['sheets:get']({ id: 'cobotique' })).sheet.id).toBe('cobotique');
  });
});
