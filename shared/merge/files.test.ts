import { describe, expect, it } from 'vitest';
import { textOf } from '../content/doc.js';
import { emptyReview } from '../model/review.js';
import {
  sheetFileSchema,
  familyFileSchema,
  FAMILY_FILE_SCHEMA_VERSION,
  type FamilyFile,
} from '../model/sheet.js';
import { conflictId } from './conflicts.js';
import { mergeFamilyFiles, mergeSheetFiles } from './files.js';
import { doc, labels, sheetOf } from './testing.js';
import { unionOfDocs } from './union.js';

const base = sheetOf({
  trajectoire: doc('Définition.', 'Enjeux.'),
  passe: doc('Avant 2000.', 'Après 2000.', 'Depuis 2010.'),
});

describe('mergeSheetFiles', () => {
  it('keeps both authors’ edits of different sections', () => {
    const ours = sheetOf({ ...base.sections, trajectoire: doc('Définition revue.', 'Enjeux.') });
    const theirs = sheetOf({ ...base.sections, passe: doc('Avant 2000.', 'Après 2000.', 'Depuis 2015.') });
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(conflicts).toEqual([]);
    expect(file.conflicts).toBeUndefined();
    expect(textOf(file.sections.trajectoire!)).toBe('Définition revue.\nEnjeux.');
    expect(textOf(file.sections.passe!)).toBe('Avant 2000.\nAprès 2000.\nDepuis 2015.');
    expect(sheetFileSchema.safeParse(file).success).toBe(true);
  });

  it('keeps both authors’ edits of different paragraphs of one section, neighbours included', () => {
    const ours = sheetOf({ ...base.sections, passe: doc('Avant 1990.', 'Après 2000.', 'Depuis 2010.') });
    const theirs = sheetOf({
      ...base.sections,
      passe: doc('Avant 2000.', 'Après 2005.', 'Depuis 2010.', 'Demain.'),
    });
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(conflicts).toEqual([]);
    expect(textOf(file.sections.passe!)).toBe('Avant 1990.\nAprès 2005.\nDepuis 2010.\nDemain.');
  });

  it('keeps both versions of a paragraph edited on both sides: ours in the sheet, theirs in a conflict', () => {
    const ours = sheetOf({
      ...base.sections,
      passe: doc('Avant 2000.', 'Après 2000, selon Anne.', 'Depuis 2010.'),
    });
    const theirs = sheetOf(
      { ...base.sections, passe: doc('Avant 1999.', 'Après 2000, selon Bruno.', 'Depuis 2010.') },
      { updatedAt: '2025-02-01T00:00:00.000Z' },
    );
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(textOf(file.sections.passe!)).toBe('Avant 1999.\nAprès 2000, selon Anne.\nDepuis 2010.');
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({
      part: 'section/passe',
      author: 'Bruno',
      currentAuthor: 'Anne',
      at: labels.at,
    });
    // The other version has the non-conflicting change too: only the conflicting block differs.
    expect(textOf(conflict!.value as never)).toBe('Avant 1999.\nAprès 2000, selon Bruno.\nDepuis 2010.');
    expect(conflict!.id).toBe(conflictId('section/passe', conflict!.value));
    expect(file.conflicts).toEqual(conflicts);
    expect(file.updatedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(sheetFileSchema.safeParse(file).success).toBe(true);
    // Together, for the user to edit into one: every word of both.
    expect(textOf(unionOfDocs(file.sections.passe!, conflict!.value as never))).toBe(
      'Avant 1999.\nAprès 2000, selon Anne.\nAprès 2000, selon Bruno.\nDepuis 2010.',
    );
  });

  it('merges the metadata field by field: authors as a list, the status as a field', () => {
    const ours = sheetOf(base.sections, { authors: ['Anne', 'Chloé'], status: 'review' });
    const theirs = sheetOf(base.sections, { authors: ['Anne', 'Bruno'] });
    const merged = mergeSheetFiles(base, ours, theirs, labels);
    expect(merged.file.authors).toEqual(['Anne', 'Chloé', 'Bruno']);
    expect(merged.file.status).toBe('review');
    expect(merged.conflicts).toEqual([]);

    const conflicting = mergeSheetFiles(base, ours, sheetOf(base.sections, { status: 'validated' }), labels);
    expect(conflicting.file.status).toBe('review');
    expect(conflicting.conflicts).toMatchObject([
      { part: 'meta', value: { status: 'validated', authors: ['Anne', 'Chloé'], useFamily: false } },
    ]);
  });

  it('merges micro-scenario titles and angles one by one', () => {
    const scenarios = (title: string, social: string) => ({
      useFamily: false,
      scenarios: { basse: { title, angles: { social: doc(social) } } },
    });
    const ours = sheetOf(base.sections, { microScenarios: scenarios('LE RÉSEAU', 'Social.') });
    const theirs = sheetOf(base.sections, { microScenarios: scenarios('LA MISE EN RÉSEAU', 'Social revu.') });
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(conflicts).toEqual([]);
    expect(file.microScenarios.scenarios.basse?.title).toBe('LE RÉSEAU');
    expect(textOf(file.microScenarios.scenarios.basse!.angles.social!)).toBe('Social revu.');
    const both = mergeSheetFiles(
      base,
      ours,
      sheetOf(base.sections, { microScenarios: scenarios('UN AUTRE', 'Social.') }),
      labels,
    );
    expect(both.conflicts).toMatchObject([{ part: 'scenario/basse/title', value: 'UN AUTRE' }]);
  });

  it('keeps a section added on one side, and both versions of a sheet created on both', () => {
    const ours = sheetOf({ ...base.sections, present: doc('Aujourd’hui.') });
    expect(textOf(mergeSheetFiles(base, ours, base, labels).file.sections.present!)).toBe('Aujourd’hui.');
    const created = mergeSheetFiles(
      null,
      sheetOf({ passe: doc('Anne.') }),
      sheetOf({ passe: doc('Bruno.') }),
      labels,
    );
    expect(textOf(created.file.sections.passe!)).toBe('Anne.');
    expect(textOf(created.conflicts[0]!.value as never)).toBe('Bruno.');
  });

  it('carries an unresolved conflict to a colleague, and drops it once resolved on one side', () => {
    const ours = sheetOf({ ...base.sections, passe: doc('Anne.') });
    const theirs = sheetOf({ ...base.sections, passe: doc('Bruno.') });
    const first = mergeSheetFiles(base, ours, theirs, labels).file;
    // A colleague who changed something else merges with the sheet in conflict: it stays.
    const colleague = sheetOf({ ...base.sections, trajectoire: doc('Définition, Chloé.', 'Enjeux.') });
    const carried = mergeSheetFiles(base, colleague, first, labels).file;
    expect(carried.conflicts).toEqual(first.conflicts);
    // Resolved on one side (kept Bruno's version), untouched on the other: gone.
    const { conflicts: _, ...resolvedFile } = first;
    const resolved = { ...resolvedFile, sections: { ...first.sections, passe: doc('Bruno.') } };
    const after = mergeSheetFiles(first, resolved, carried, labels).file;
    expect(after.conflicts).toBeUndefined();
    expect(textOf(after.sections.passe!)).toBe('Bruno.');
    expect(textOf(after.sections.trajectoire!)).toBe('Définition, Chloé.\nEnjeux.');
  });

  it('finds the same conflict as the same entry, whichever machine merges', () => {
    const ours = sheetOf({ ...base.sections, passe: doc('Anne.') });
    const theirs = sheetOf({ ...base.sections, passe: doc('Bruno.') });
    const here = mergeSheetFiles(base, ours, theirs, labels).file;
    const again = mergeSheetFiles(base, here, here, labels).file;
    expect(again.conflicts).toEqual(here.conflicts);
  });
});

describe('mergeFamilyFiles', () => {
  const family = (note: string, social: string): FamilyFile => ({
    schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
    familyId: 'technologies',
    note: doc(note),
    scenarios: { basse: { title: 'TITRE', angles: { social: doc(social) } } },
    review: emptyReview(),
  });

  it('merges the note and the shared micro-scenarios part by part', () => {
    const merged = mergeFamilyFiles(
      family('Note.', 'Social.'),
      family('Note revue.', 'Social.'),
      family('Note.', 'Social revu.'),
      labels,
    );
    expect(merged.conflicts).toEqual([]);
    expect(textOf(merged.file.note)).toBe('Note revue.');
    expect(textOf(merged.file.scenarios.basse!.angles.social!)).toBe('Social revu.');
    expect(familyFileSchema.safeParse(merged.file).success).toBe(true);
  });

  it('keeps both versions of the note when both changed it', () => {
    const merged = mergeFamilyFiles(
      family('Note.', 'S.'),
      family('Note d’Anne.', 'S.'),
      family('Note de Bruno.', 'S.'),
      labels,
    );
    expect(textOf(merged.file.note)).toBe('Note d’Anne.');
    expect(merged.file.conflicts).toMatchObject([{ part: 'note', author: 'Bruno' }]);
    expect(familyFileSchema.safeParse(merged.file).success).toBe(true);
  });
});
