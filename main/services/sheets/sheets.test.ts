import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { docOfParagraphs, emptyDoc } from '../../../shared/content/doc.js';
import { FAMILY_FILE_SCHEMA_VERSION, SHEET_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';

let repo: string;
let h: ServiceHandlers;

openFixturePerTest((fixture) => {
  ({ repo, h } = fixture);
});

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

const onDisk = async (id: string) => JSON.parse(await readFile(join(repo, 'sheets', `${id}.json`), 'utf8'));
const words = (text: string) => docOfParagraphs([text]);

describe('sheets:create and sheets:get', () => {
  it('creates a sheet from the template and opens it with its variable and family', async () => {
    const view = await h['sheets:create']({ variableId: 'big-data' });
    expect(view.variable).toEqual({ id: 'big-data', name: 'Big Data' });
    expect(view.family).toEqual({ id: 'technologies', number: 1, name: 'Évolutions technologiques' });
    expect(view.sheet).toMatchObject({
      id: 'big-data',
      status: 'draft',
      authors: [],
      schemaVersion: SHEET_SCHEMA_VERSION,
      review: { threads: {}, titleMarks: {} },
    });
    expect(view.sheet.sections).toEqual({ trajectoire: emptyDoc(), passe: emptyDoc() });
    expect(view.sheet.microScenarios).toEqual({
      useFamily: false,
      scenarios: {
        basse: { title: '', angles: { economique: emptyDoc(), social: emptyDoc() } },
        haute: { title: '', angles: { economique: emptyDoc(), social: emptyDoc() } },
      },
    });
    // The family file was never written: an empty one is shown, nothing is created.
    expect(view.familyShared).toEqual({
      schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
      familyId: 'technologies',
      note: emptyDoc(),
      scenarios: {},
      review: { threads: {}, titleMarks: {} },
    });
    expect(await readdir(repo)).not.toContain('families');

    expect(await h['sheets:get']({ id: 'big-data' })).toEqual(view);
    expect(await onDisk('big-data')).toEqual(view.sheet);
  });

  it('never overwrites an existing sheet, and knows only the variables of the repository', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({ id: 'big-data', patch: { status: 'review' } });
    expect((await failure(h['sheets:create']({ variableId: 'big-data' }))).code).toBe('already-exists');
    expect((await onDisk('big-data')).status).toBe('review');
    expect((await failure(h['sheets:create']({ variableId: 'inconnue' }))).code).toBe('not-found');
    expect((await failure(h['sheets:get']({ id: 'cobotique' }))).code).toBe('not-found');
    expect((await failure(h['sheets:get']({ id: 'inconnue' }))).code).toBe('not-found');
  });

  it('starts a new sheet on its family’s micro-scenarios once the family shares some', async () => {
    // An empty family note shares nothing: the new sheet writes its own.
    await h['families:update']({ familyId: 'technologies', patch: { note: words('À noter') } });
    expect((await h['sheets:create']({ variableId: 'big-data' })).sheet.microScenarios.useFamily).toBe(false);

    await h['families:update']({
      familyId: 'technologies',
      patch: { scenarios: { basse: { title: 'RÉSEAU' } } },
    });
    const cobotique = await h['sheets:create']({ variableId: 'cobotique' });
    expect(cobotique.sheet.microScenarios.useFamily).toBe(true);
    expect(cobotique.familyShared.scenarios['basse']?.title).toBe('RÉSEAU');
    // Another family shares nothing.
    expect((await h['sheets:create']({ variableId: 'consommation' })).sheet.microScenarios.useFamily).toBe(
      false,
    );
  });
});

describe('sheets:update', () => {
  beforeEach(async () => {
    await h['sheets:create']({ variableId: 'big-data' });
  });

  it('merges only what the patch names and answers the summary', async () => {
    const before = await onDisk('big-data');
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: words('Une histoire de données massives') },
        scenarios: {
          haute: { title: 'LA DONNÉE PARTOUT', angles: { social: words('De nouveaux métiers') } },
        },
        status: 'review',
        authors: ['Camille Martin'],
      },
    });
    const after = await onDisk('big-data');
    expect(after.sections).toEqual({
      trajectoire: emptyDoc(),
      passe: words('Une histoire de données massives'),
    });
    expect(after.microScenarios.scenarios.basse).toEqual(before.microScenarios.scenarios.basse);
    expect(after.microScenarios.scenarios.haute).toEqual({
      title: 'LA DONNÉE PARTOUT',
      angles: { economique: emptyDoc(), social: words('De nouveaux métiers') },
    });
    expect(after).toMatchObject({
      status: 'review',
      authors: ['Camille Martin'],
      createdAt: before.createdAt,
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect(summary).toMatchObject({ id: 'big-data', status: 'review', authors: ['Camille Martin'] });
    // 5 words in « passe » (target 3: complete), 3 in the title, 3 in an angle (target 2: complete).
    expect(summary.completeness.words).toBe(5 + 3 + 3);
    expect(summary.completeness.ratio).toBeCloseTo(3 / 8);
  });

  it('lets two quick saves of different parts both land', async () => {
    await Promise.all([
      h['sheets:update']({ id: 'big-data', patch: { sections: { trajectoire: words('Première partie') } } }),
      h['sheets:update']({ id: 'big-data', patch: { sections: { passe: words('Seconde partie') } } }),
      h['sheets:update']({ id: 'big-data', patch: { scenarios: { basse: { title: 'TITRE' } } } }),
      h['sheets:update']({ id: 'big-data', patch: { authors: ['Dominique'] } }),
    ]);
    const saved = await onDisk('big-data');
    expect(saved.sections).toEqual({ trajectoire: words('Première partie'), passe: words('Seconde partie') });
    expect(saved.microScenarios.scenarios.basse.title).toBe('TITRE');
    expect(saved.authors).toEqual(['Dominique']);
  });

  it('refuses unknown parts and content outside the node set, changing nothing', async () => {
    const before = await readFile(join(repo, 'sheets', 'big-data.json'), 'utf8');
    const cases: [Parameters<ServiceHandlers['sheets:update']>[0]['patch'], string, RegExp][] = [
      [{ sections: { futurs: words('x') } }, 'invalid-request', /Section inconnue «\u00a0futurs\u00a0»/],
      [
        { scenarios: { mediane: { title: 'X' } } },
        'invalid-request',
        /Hypothèse inconnue «\u00a0mediane\u00a0»/,
      ],
      [{ scenarios: { basse: { angles: { politique: words('x') } } } }, 'invalid-request', /Angle inconnu/],
      [
        { sections: { passe: { type: 'doc', content: [{ type: 'script', content: [] }] } } },
        'invalid-content',
        /Section «\u00a0passe\u00a0»\u00a0: Contenu non conforme/,
      ],
      [
        { scenarios: { haute: { angles: { social: { type: 'doc', content: [{ type: 'image' }] } } } } },
        'invalid-content',
        /angle «\u00a0social\u00a0»/,
      ],
    ];
    for (const [patch, code, message] of cases) {
      const error = await failure(h['sheets:update']({ id: 'big-data', patch }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect(await readFile(join(repo, 'sheets', 'big-data.json'), 'utf8')).toBe(before);
    expect((await failure(h['sheets:update']({ id: 'cobotique', patch: { status: 'review' } }))).code).toBe(
      'not-found',
    );
  });

  it('counts the family’s micro-scenarios when the sheet shows them', async () => {
    await h['families:update']({
      familyId: 'technologies',
      patch: {
        scenarios: {
          basse: { title: 'EN RÉSEAU', angles: { economique: words('Des plateformes communes') } },
        },
      },
    });
    const own = await h['sheets:update']({ id: 'big-data', patch: { useFamilyMicroScenarios: false } });
    const shared = await h['sheets:update']({ id: 'big-data', patch: { useFamilyMicroScenarios: true } });
    expect(own.completeness.words).toBe(0);
    expect(shared.completeness.words).toBe(2 + 3);
    expect((await h['sheets:get']({ id: 'big-data' })).familyShared.scenarios.basse?.title).toBe('EN RÉSEAU');
  });
});

describe('families:update', () => {
  it('creates the family file on first write, then merges', async () => {
    const first = await h['families:update']({ familyId: 'technologies', patch: { note: words('À noter') } });
    expect(first.familyId).toBe('technologies');
    await h['families:update']({
      familyId: 'technologies',
      patch: { scenarios: { haute: { title: 'HAUT' } } },
    });
    const saved = JSON.parse(await readFile(join(repo, 'families', 'technologies.json'), 'utf8'));
    expect(saved).toEqual({
      schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
      familyId: 'technologies',
      note: words('À noter'),
      scenarios: { haute: { title: 'HAUT', angles: { economique: emptyDoc(), social: emptyDoc() } } },
      review: { threads: {}, titleMarks: {} },
    });
    expect((await failure(h['families:update']({ familyId: 'inconnue', patch: {} }))).code).toBe('not-found');
    const bad = await failure(
      h['families:update']({
        familyId: 'technologies',
        patch: { note: { type: 'doc', content: [{ type: 'x' }] } },
      }),
    );
    expect(bad.code).toBe('invalid-content');
  });
});

describe('sheets:delete, trash:list, trash:restore', () => {
  it('moves a sheet to the trash with its bytes, lists it and restores it', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: words('À garder') } } });
    const bytes = await readFile(join(repo, 'sheets', 'big-data.json'));

    const entry = await h['sheets:delete']({ id: 'big-data' });
    expect(entry.sheetId).toBe('big-data');
    expect(entry.trashId).toMatch(/^\d{8}t\d{9}z-big-data$/);
    expect(Math.abs(Date.parse(entry.deletedAt) - Date.now())).toBeLessThan(60_000);
    expect(await readdir(join(repo, 'sheets'))).toEqual([]);
    expect(await readFile(join(repo, 'trash', `${entry.trashId}.json`))).toEqual(bytes);
    expect(await h['trash:list']({})).toEqual([entry]);
    expect((await h['repository:overview']({})).trashCount).toBe(1);
    expect((await failure(h['sheets:get']({ id: 'big-data' }))).code).toBe('not-found');
    expect((await failure(h['sheets:delete']({ id: 'big-data' }))).code).toBe('not-found');

    const summary = await h['trash:restore']({ trashId: entry.trashId });
    expect(summary.id).toBe('big-data');
    expect(await readFile(join(repo, 'sheets', 'big-data.json'))).toEqual(bytes);
    expect(await h['trash:list']({})).toEqual([]);
    expect((await failure(h['trash:restore']({ trashId: entry.trashId }))).code).toBe('not-found');
  });

  it('refuses to restore over a sheet created since, keeping both', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const entry = await h['sheets:delete']({ id: 'big-data' });
    await h['sheets:create']({ variableId: 'big-data' });
    const second = await h['sheets:delete']({ id: 'big-data' });
    expect(second.trashId).not.toBe(entry.trashId);
    await h['sheets:create']({ variableId: 'big-data' });
    expect((await failure(h['trash:restore']({ trashId: entry.trashId }))).code).toBe('already-exists');
    expect((await h['trash:list']({})).map((item) => item.trashId)).toEqual([second.trashId, entry.trashId]);
    expect((await failure(h['trash:restore']({ trashId: 'nimporte-quoi' }))).code).toBe('not-found');
  });
});

describe('variables:add', () => {
  it('appends a variable whose id is the slug of its name, and keeps what the schema does not name', async () => {
    const raw = JSON.parse(await readFile(join(repo, 'repository.json'), 'utf8'));
    raw.settings = { couleur: 'bleu' };
    await writeFile(join(repo, 'repository.json'), JSON.stringify(raw));
    const variable = await h['variables:add']({ familyId: 'societe', name: 'Imaginaire de l’industrie 🏭' });
    expect(variable).toEqual({ id: 'imaginaire-de-l-industrie', name: 'Imaginaire de l’industrie 🏭' });
    const saved = JSON.parse(await readFile(join(repo, 'repository.json'), 'utf8'));
    expect(saved.settings).toEqual({ couleur: 'bleu' });
    expect(saved.families[1].variables.at(-1)).toEqual(variable);
    const overview = await h['repository:overview']({});
    expect(overview.families[1]?.variables.map((v) => v.id)).toEqual([
      'consommation',
      'imaginaire-de-l-industrie',
    ]);
    expect((await h['sheets:create']({ variableId: variable.id })).variable).toEqual(variable);
  });

  it('refuses a taken id, an unknown family and a name without letters', async () => {
    expect((await failure(h['variables:add']({ familyId: 'societe', name: 'BIG DATA' }))).code).toBe(
      'already-exists',
    );
    expect((await failure(h['variables:add']({ familyId: 'inconnue', name: 'X' }))).code).toBe('not-found');
    const error = await failure(h['variables:add']({ familyId: 'societe', name: '🏭 !' }));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/^Ce nom ne contient aucune lettre ni chiffre utilisable/);
  });
});
