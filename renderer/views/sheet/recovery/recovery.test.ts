import { describe, expect, it } from 'vitest';
import familyJson from '../../../../templates/sample-repository/families/evolutions-technologiques.json' with { type: 'json' };
import sheetJson from '../../../../templates/sample-repository/sheets/big-data.json' with { type: 'json' };
import templateJson from '../../../../templates/sheet-template.json' with { type: 'json' };
import type { SheetView } from '../../../../shared/api/contract.js';
import { docOfParagraphs, type DocNode } from '../../../../shared/content/doc.js';
import { emptyReview } from '../../../../shared/model/review.js';
import {
  FAMILY_FILE_SCHEMA_VERSION,
  familyFileSchema,
  sheetFileSchema,
} from '../../../../shared/model/sheet.js';
import { sheetTemplateSchema } from '../../../../shared/model/template.js';
import type { JournalEntry } from '../journal.js';
import { partValueIn, type Part } from '../parts.js';
import { commentThread } from '../../../../shared/review/builders.js';
import { compareRecovered, sortRecovered } from './recovery.js';

const template = sheetTemplateSchema.parse(templateJson);
const view: SheetView = {
  sheet: sheetFileSchema.parse(sheetJson),
  variable: { id: 'big-data', name: 'Big Data' },
  family: { id: 'evolutions-technologiques', number: 5, name: 'Évolutions technologiques' },
  // As sheets:get answers it: the sample's family file is in format 1, migrated by the host.
  familyShared: familyFileSchema.parse({
    ...familyJson,
    schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
    review: emptyReview(),
  }),
};

const passe: Part = { kind: 'section', section: 'passe' };
const onDisk = partValueIn(view, passe) as DocNode;
const withSentence = (sentence: string): DocNode => ({
  ...onDisk,
  content: [...(onDisk.content ?? []), ...(docOfParagraphs([sentence]).content ?? [])],
});

function entry(part: Part, value: unknown, base: unknown = partValueIn(view, part)): JournalEntry {
  return {
    sheetId: 'big-data',
    key: 'k',
    part,
    value,
    base,
    writer: 'w',
    attempt: 1,
    at: '2026-03-12T09:30:00Z',
  };
}

describe('edits found in the journal when a sheet opens', () => {
  it('forgets those the host has already, offers the others', () => {
    const landed = entry(passe, onDisk);
    const typed = entry(passe, withSentence('Les capteurs se multiplient.'));
    const { offered, landed: gone } = sortRecovered([landed, typed], view);
    expect(gone).toEqual([landed]);
    expect(offered).toEqual([{ entry: typed, changedSince: false }]);
  });

  it('says when the host changed the part since the edit began: newer content is never replaced silently', () => {
    const typed = entry(passe, withSentence('Tapé hors ligne.'), docOfParagraphs(['Un état plus ancien.']));
    expect(sortRecovered([typed], view).offered).toEqual([{ entry: typed, changedSince: true }]);
  });

  it('compares with the words the history’s comparison marks, sheet and family apart', () => {
    const typed = entry(passe, withSentence('Les capteurs se multiplient.'));
    const title = entry(
      { kind: 'scenario-title', owner: 'family', hypothesis: 'basse' },
      'UN TITRE RETROUVÉ',
      'un titre plus ancien',
    );
    const status = entry({ kind: 'status' }, 'validated');
    const { offered } = sortRecovered([typed, title, status], view);
    const comparison = compareRecovered(template, view, offered);

    const changed = comparison.sheet.parts.filter((part) => part.changed);
    expect(changed.map((part) => part.key)).toEqual(['section/passe']);
    const added = changed[0]?.blocks?.filter((block) => block.kind === 'added') ?? [];
    expect(added.map((block) => ('text' in block ? block.text : ''))).toEqual([
      'Les capteurs se multiplient.',
    ]);
    expect(comparison.sheet.meta).toEqual([
      { field: 'status', label: 'Statut', before: 'En relecture', after: 'Validée' },
    ]);

    const familyChanged = comparison.family?.parts.filter((part) => part.changed) ?? [];
    expect(familyChanged.map((part) => part.key)).toEqual(['scenario/basse/title']);
    expect(familyChanged[0]?.segments?.some((s) => s.op === 'ins' && s.text.includes('RETROUVÉ'))).toBe(true);
    expect([...comparison.changedSince.family]).toEqual(['scenario/basse/title']);
    expect([...comparison.changedSince.sheet]).toEqual([]);
  });

  it('offers back a comment thread never acknowledged, and lists it as the comparison does', () => {
    const thread = commentThread({ id: 'c-1', part: 'section/passe', quote: 'une histoire récente' });
    const typed = entry({ kind: 'thread', owner: 'sheet', id: 'c-1' }, thread, null);
    const { offered } = sortRecovered(
      [typed, entry({ kind: 'thread', owner: 'sheet', id: 'c-9' }, null, null)],
      view,
    );
    expect(offered).toEqual([{ entry: typed, changedSince: false }]);
    const comparison = compareRecovered(template, view, offered);
    expect(comparison.sheet.review).toMatchObject([
      { kind: 'new', thread: 'c-1', quote: 'une histoire récente' },
    ]);
    expect(comparison.sheet.parts.every((part) => !part.changed)).toBe(true);
  });

  it('compares a thread typed on the family’s shared micro-scenarios with the family, not the sheet', () => {
    const thread = commentThread({ id: 'c-2', part: 'scenario/basse/title', quote: 'RÉSEAU' });
    const typed = entry({ kind: 'thread', owner: 'family', id: 'c-2' }, thread, null);
    const { offered } = sortRecovered([typed], view);
    const comparison = compareRecovered(template, view, offered);
    expect(comparison.family?.review).toMatchObject([{ kind: 'new', thread: 'c-2', quote: 'RÉSEAU' }]);
    expect(comparison.sheet.review).toEqual([]);
  });

  it('takes a thread journalled before families took comments for the sheet’s', () => {
    const thread = commentThread({ id: 'c-3', part: 'section/passe', quote: 'une histoire récente' });
    // As an older Fiches wrote it in the browser's journal: no owner.
    const typed = entry({ kind: 'thread', id: 'c-3' } as Part, thread, null);
    const { offered } = sortRecovered([typed], view);
    expect(offered).toHaveLength(1);
    expect(compareRecovered(template, view, offered).sheet.review).toMatchObject([{ kind: 'new' }]);
  });
});
