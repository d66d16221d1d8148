import { describe, expect, it } from 'vitest';
import { sheetPatchSchema, familyPatchSchema } from '../../../shared/api/contract.js';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import { partKey, patchesOf, type Part } from './parts.js';

describe('partKey', () => {
  it('gives every part its own key, even an angle named like a title', () => {
    const parts: Part[] = [
      { kind: 'section', section: 'title' },
      { kind: 'scenario-title', owner: 'sheet', hypothesis: 'basse' },
      { kind: 'scenario-angle', owner: 'sheet', hypothesis: 'basse', angle: 'title' },
      { kind: 'scenario-title', owner: 'family', hypothesis: 'basse' },
      { kind: 'family-note' },
      { kind: 'status' },
      { kind: 'authors' },
      { kind: 'use-family' },
    ];
    expect(new Set(parts.map(partKey)).size).toBe(parts.length);
  });
});

describe('patchesOf', () => {
  const intro = docOfParagraphs(['Introduction']);
  const eco = docOfParagraphs(['Économie']);
  const social = docOfParagraphs(['Société']);

  it('puts only what changed in the sheet patch, valid for the contract', () => {
    const { sheet, family } = patchesOf([
      { part: { kind: 'section', section: 'trajectoire' }, value: intro },
      { part: { kind: 'scenario-title', owner: 'sheet', hypothesis: 'basse' }, value: 'Le déclin' },
      {
        part: { kind: 'scenario-angle', owner: 'sheet', hypothesis: 'basse', angle: 'economique' },
        value: eco,
      },
      {
        part: { kind: 'scenario-angle', owner: 'sheet', hypothesis: 'basse', angle: 'social' },
        value: social,
      },
      { part: { kind: 'status' }, value: 'review' },
      { part: { kind: 'authors' }, value: ['Anne', 'Bruno'] },
      { part: { kind: 'use-family' }, value: false },
    ]);
    expect(family).toBeUndefined();
    expect(sheet).toEqual({
      sections: { trajectoire: intro },
      scenarios: { basse: { title: 'Le déclin', angles: { economique: eco, social } } },
      status: 'review',
      authors: ['Anne', 'Bruno'],
      useFamilyMicroScenarios: false,
    });
    expect(sheetPatchSchema.safeParse(sheet).success).toBe(true);
  });

  it('sends the family’s parts to the family patch', () => {
    const note = docOfParagraphs(['À noter']);
    const { sheet, family } = patchesOf([
      { part: { kind: 'family-note' }, value: note },
      {
        part: { kind: 'scenario-angle', owner: 'family', hypothesis: 'haute', angle: 'economique' },
        value: eco,
      },
      { part: { kind: 'scenario-title', owner: 'family', hypothesis: 'haute' }, value: 'Essor' },
    ]);
    expect(sheet).toBeUndefined();
    expect(family).toEqual({ note, scenarios: { haute: { angles: { economique: eco }, title: 'Essor' } } });
    expect(familyPatchSchema.safeParse(family).success).toBe(true);
  });

  it('splits a mixed batch between the two', () => {
    const { sheet, family } = patchesOf([
      { part: { kind: 'section', section: 'passe' }, value: intro },
      { part: { kind: 'scenario-title', owner: 'family', hypothesis: 'basse' }, value: 'Titre' },
    ]);
    expect(sheet).toEqual({ sections: { passe: intro } });
    expect(family).toEqual({ scenarios: { basse: { title: 'Titre' } } });
  });

  it('answers nothing for an empty batch', () => {
    expect(patchesOf([])).toEqual({});
  });
});
