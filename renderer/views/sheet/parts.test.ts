import { describe, expect, it } from 'vitest';
import { sheetPatchSchema, familyPatchSchema } from '../../../shared/api/contract.js';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import type { TitleMark } from '../../../shared/model/review.js';
import { commentThread } from '../../../shared/review/builders.js';
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
      { kind: 'thread', owner: 'sheet', id: 'title' },
      { kind: 'thread', owner: 'family', id: 'title' },
      { kind: 'title-marks', owner: 'sheet', hypothesis: 'basse' },
      { kind: 'title-marks', owner: 'family', hypothesis: 'basse' },
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

  it('sends comment threads (null deletes one) and title marks with the sheet', () => {
    const thread = commentThread({ id: 'c-1', part: 'scenario/basse/title', quote: 'DÉCLIN' });
    const marks: TitleMark[] = [{ type: 'comment', attrs: { thread: 'c-1' }, from: 3, to: 9 }];
    const { sheet, family } = patchesOf([
      { part: { kind: 'scenario-title', owner: 'sheet', hypothesis: 'basse' }, value: 'LE DÉCLIN' },
      { part: { kind: 'title-marks', owner: 'sheet', hypothesis: 'basse' }, value: marks },
      { part: { kind: 'thread', owner: 'sheet', id: 'c-1' }, value: thread },
      { part: { kind: 'thread', owner: 'sheet', id: 'c-2' }, value: null },
    ]);
    expect(family).toBeUndefined();
    expect(sheet).toEqual({
      scenarios: { basse: { title: 'LE DÉCLIN' } },
      titleMarks: { basse: marks },
      threads: { 'c-1': thread, 'c-2': null },
    });
    expect(sheetPatchSchema.safeParse(sheet).success).toBe(true);
  });

  it('sends the threads and title marks of the shared micro-scenarios with the family', () => {
    const thread = commentThread({ id: 'c-3', part: 'scenario/haute/angle/social', quote: 'Société' });
    const marks: TitleMark[] = [{ type: 'comment', attrs: { thread: 'c-4' }, from: 0, to: 5 }];
    const { sheet, family } = patchesOf([
      { part: { kind: 'thread', owner: 'family', id: 'c-3' }, value: thread },
      { part: { kind: 'title-marks', owner: 'family', hypothesis: 'haute' }, value: marks },
      { part: { kind: 'thread', owner: 'sheet', id: 'c-1' }, value: null },
    ]);
    expect(family).toEqual({ threads: { 'c-3': thread }, titleMarks: { haute: marks } });
    expect(sheet).toEqual({ threads: { 'c-1': null } });
    expect(familyPatchSchema.safeParse(family).success).toBe(true);
  });

  it('answers nothing for an empty batch', () => {
    expect(patchesOf([])).toEqual({});
  });
});
