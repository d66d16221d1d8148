import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import { commentThread } from '../../../shared/review/builders.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { fixtureTemplate } from '../testing/fixtures.js';

let repo: string;
let h: ServiceHandlers;

openFixturePerTest((fixture) => {
  ({ repo, h } = fixture);
});

const indexPath = () => join(repo, 'index.json');
const readIndex = async () => JSON.parse(await readFile(indexPath(), 'utf8'));

describe('repository:overview', () => {
  it('lists families and variables in order, with a summary for each written sheet', async () => {
    await h['sheets:create']({ variableId: 'cobotique' });
    await h['sheets:update']({
      id: 'cobotique',
      patch: {
        status: 'review',
        authors: ['Camille'],
        sections: { passe: docOfParagraphs(['Trois mots ici']) },
      },
    });
    const overview = await h['repository:overview']({});
    expect(overview).toMatchObject({
      path: repo,
      name: 'Dépôt de test',
      exercise: { name: 'Chantier test 2040' },
      damaged: [],
      trashCount: 0,
    });
    expect(
      overview.families.map((family) => [family.number, family.id, family.variables.map((v) => v.id)]),
    ).toEqual([
      [1, 'technologies', ['big-data', 'cobotique']],
      [2, 'societe', ['consommation']],
    ]);
    const [bigData, cobotique] = overview.families[0]?.variables ?? [];
    expect(bigData).toEqual({ id: 'big-data', name: 'Big Data', sheet: null, damaged: [] });
    expect(cobotique?.sheet).toMatchObject({
      id: 'cobotique',
      status: 'review',
      authors: ['Camille'],
      completeness: { words: 3, ratio: 1 / 8 },
    });
  });

  it('keeps summaries in index.json and reads a sheet again only when its file changed', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:create']({ variableId: 'cobotique' });
    const first = await h['repository:overview']({});
    const written = await stat(indexPath());

    // Unchanged sheets: the index is neither recomputed nor rewritten.
    expect(await h['repository:overview']({})).toEqual(first);
    expect((await stat(indexPath())).ino).toBe(written.ino);

    // The cache is what answers: a summary altered in the index (stamps kept) is served as is…
    const index = await readIndex();
    index.sheets['cobotique'].summary.authors = ['Depuis le cache'];
    await writeFile(indexPath(), JSON.stringify(index));
    const cached = await h['repository:overview']({});
    expect(cached.families[0]?.variables[1]?.sheet?.authors).toEqual(['Depuis le cache']);

    // …until the sheet's file changes.
    await h['sheets:update']({ id: 'cobotique', patch: { authors: ['Dominique'] } });
    const fresh = await h['repository:overview']({});
    expect(fresh.families[0]?.variables[1]?.sheet?.authors).toEqual(['Dominique']);
    expect(Object.keys((await readIndex()).sheets).sort()).toEqual(['big-data', 'cobotique']);
  });

  it('recomputes a sheet showing its family’s micro-scenarios when the family file changes', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({ id: 'big-data', patch: { useFamilyMicroScenarios: true } });
    expect((await h['repository:overview']({})).families[0]?.variables[0]?.sheet?.completeness.words).toBe(0);
    await h['families:update']({
      familyId: 'technologies',
      patch: { scenarios: { haute: { title: 'TOUT EN DONNÉES' } } },
    });
    expect((await h['repository:overview']({})).families[0]?.variables[0]?.sheet?.completeness.words).toBe(3);
  });

  it('counts the open threads of a family’s shared micro-scenarios for the family, not for its sheets', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:create']({ variableId: 'cobotique' });
    for (const id of ['big-data', 'cobotique']) {
      await h['sheets:update']({ id, patch: { useFamilyMicroScenarios: true } });
    }
    const thread = (id: string, resolved?: boolean) =>
      commentThread({
        id,
        part: 'scenario/basse/angle/social',
        quote: 'données',
        ...(resolved ? { resolved: { by: 'Anne Martin', at: '2025-03-12T10:00:00.000Z' } } : {}),
      });
    await h['families:update']({
      familyId: 'technologies',
      patch: { threads: { 'c-1': thread('c-1'), 'c-2': thread('c-2'), 'c-3': thread('c-3', true) } },
    });
    await h['sheets:update']({
      id: 'cobotique',
      patch: { threads: { 'c-9': commentThread({ id: 'c-9', part: 'section/passe', quote: 'x' }) } },
    });
    const overview = await h['repository:overview']({});
    const [technologies, societe] = overview.families;
    expect(technologies?.openThreads).toBe(2);
    expect(societe?.openThreads).toBe(0);
    expect(technologies?.variables.map((variable) => variable.sheet?.openThreads)).toEqual([0, 1]);
  });

  it('recomputes every summary when the template changes', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: docOfParagraphs(['Deux mots']) } },
    });
    const before = await h['repository:overview']({});
    expect(before.families[0]?.variables[0]?.sheet?.completeness.ratio).toBe(0);
    const easier = structuredClone(fixtureTemplate);
    if (easier.sections[1]) easier.sections[1].targetWords.min = 1;
    await writeFile(join(repo, 'template.json'), JSON.stringify(easier));
    const after = await h['repository:overview']({});
    expect(after.families[0]?.variables[0]?.sheet?.completeness.ratio).toBe(1 / 8);
  });

  it.each([
    ['missing', () => rm(indexPath())],
    ['garbage', () => writeFile(indexPath(), '{"version": 1, "sheets": 3')],
    ['of another shape', () => writeFile(indexPath(), '{"version": 1, "template": "x", "sheets": {"a": 1}}')],
  ])('rebuilds a %s index silently', async (_, spoil) => {
    await h['sheets:create']({ variableId: 'big-data' });
    const first = await h['repository:overview']({});
    await spoil();
    expect(await h['repository:overview']({})).toEqual(first);
    expect(Object.keys((await readIndex()).sheets)).toEqual(['big-data']);
  });

  it('forgets sheets that left, and does not list a sheet file no variable points at', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['repository:overview']({});
    await h['sheets:delete']({ id: 'big-data' });
    await writeFile(join(repo, 'sheets', 'orpheline.json'), '{}');
    const overview = await h['repository:overview']({});
    expect(overview.families[0]?.variables[0]?.sheet).toBeNull();
    expect(overview.trashCount).toBe(1);
    expect(overview.damaged).toEqual([]);
    expect((await readIndex()).sheets).toEqual({});
  });
});
