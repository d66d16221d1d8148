import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { doc, paragraph } from '../content/builders.js';
import { textOf, type DocNode } from '../content/doc.js';
import { contentSchema } from '../content/schema.js';
import { contentProblem } from '../content/validate.js';
import { SHEET_SCHEMA_VERSION, type SheetFile } from '../model/sheet.js';
import { anchorsOfDoc } from './anchors.js';
import { commentedText, richParagraph, suggestedText } from './builders.js';
import {
  decideSuggestions,
  sheetWithoutSuggestions,
  suggestionRanges,
  withoutSuggestions,
  type SuggestionDecision,
} from './suggestions.js';

const anne = { id: 's-1', author: 'Anne Martin', date: '2025-03-12T10:00:00Z' };
const bruno = { id: 's-2', author: 'Bruno Petit', date: null };

/** « Le Big Data [ins: massif ]progresse[del:  vite]. » */
const reviewed = doc(
  richParagraph(
    'Le Big Data ',
    suggestedText('insertion', 'massif ', anne),
    'progresse',
    suggestedText('deletion', ' vite', bruno),
    '.',
  ),
);

function decided(content: DocNode, decide: (id: string) => SuggestionDecision | undefined) {
  const tr = new Transform(contentSchema().nodeFromJSON(content));
  const count = decideSuggestions(tr, ({ id }) => decide(id));
  const after = tr.doc.toJSON() as DocNode;
  return { count, after, text: textOf(after) };
}

describe('suggestions', () => {
  it('are valid content, and their anchors list who proposed what', () => {
    expect(contentProblem(reviewed)).toBeUndefined();
    expect(anchorsOfDoc(reviewed).suggestions).toEqual([
      { id: 's-1', kind: 'insertion', author: 'Anne Martin', date: '2025-03-12T10:00:00Z', text: 'massif ' },
      { id: 's-2', kind: 'deletion', author: 'Bruno Petit', date: null, text: ' vite' },
    ]);
  });

  it('refuses a suggestion without its id, or with a bad date', () => {
    const bad = (attrs: Record<string, unknown>) =>
      contentProblem(
        doc({
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'insertion', attrs }] }],
        }),
      );
    expect(bad({ author: 'A', date: null })).toMatch(/suggestion invalide/);
    expect(bad({ id: 'Pas Bon', author: 'A', date: null })).toMatch(/suggestion invalide/);
    expect(bad({ id: 's-1', author: 'A', date: 'hier' })).toMatch(/date de suggestion invalide/);
  });

  it('accept keeps an insertion and applies a deletion; reject does the opposite', () => {
    expect(decided(reviewed, () => 'accept')).toMatchObject({
      count: 2,
      text: 'Le Big Data massif progresse.',
    });
    expect(decided(reviewed, () => 'reject')).toMatchObject({
      count: 2,
      text: 'Le Big Data progresse vite.',
    });
    const mixed = decided(reviewed, (id) => (id === 's-1' ? 'accept' : undefined));
    expect(mixed).toMatchObject({ count: 1, text: 'Le Big Data massif progresse vite.' });
    // The undecided one is still there, marked as before.
    expect(anchorsOfDoc(mixed.after).suggestions.map((s) => s.id)).toEqual(['s-2']);
    expect(contentProblem(mixed.after)).toBeUndefined();
  });

  it('joins a suggestion split by formatting, and removes a paragraph that was only inserted', () => {
    const bold = {
      ...suggestedText('insertion', 'tout ', anne),
      marks: [...(suggestedText('insertion', 'tout ', anne).marks ?? []), { type: 'bold' }],
    };
    const content = doc(
      paragraph('Avant.'),
      richParagraph(bold, suggestedText('insertion', 'un paragraphe ajouté.', anne)),
      paragraph('Après.'),
    );
    const range = suggestionRanges(contentSchema().nodeFromJSON(content));
    expect(range).toHaveLength(1);
    const rejected = decided(content, () => 'reject');
    expect(rejected.after.content).toHaveLength(2);
    expect(rejected.text).toBe('Avant.\nAprès.');
    expect(contentProblem(rejected.after)).toBeUndefined();
  });

  it('keeps the only paragraph of a caption or a cell, emptied', () => {
    const caption = doc({
      type: 'figure',
      attrs: { asset: null, width: 'column' },
      content: [
        { type: 'caption', content: [suggestedText('insertion', 'Légende ajoutée', anne)] },
        { type: 'sourceLine', content: [{ type: 'text', text: 'Insee' }] },
      ],
    });
    const rejected = decided(caption, () => 'reject');
    expect(contentProblem(rejected.after)).toBeUndefined();
    expect(rejected.text).toBe('\nInsee');
  });

  it('removes overlapping stretches once', () => {
    const both = {
      type: 'text',
      text: 'deux fois',
      marks: [
        { type: 'insertion', attrs: { id: 's-1', author: 'A', date: null } },
        { type: 'deletion', attrs: { id: 's-2', author: 'B', date: null } },
      ],
    };
    const content = doc(richParagraph('Un ', both, ' et la fin.'));
    const result = decided(content, (id) => (id === 's-1' ? 'reject' : 'accept'));
    expect(result.text).toBe('Un  et la fin.');
  });

  it('print as the text before them, comments as plain text', () => {
    expect(textOf(withoutSuggestions(reviewed))).toBe('Le Big Data progresse vite.');
    const plain = doc(richParagraph('Du ', commentedText('texte', 'c-1'), '.'));
    expect(withoutSuggestions(plain)).toBe(plain);
    const sheet: SheetFile = {
      schemaVersion: SHEET_SCHEMA_VERSION,
      id: 'big-data',
      status: 'review',
      authors: [],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      sections: { passe: reviewed },
      microScenarios: {
        useFamily: false,
        scenarios: { basse: { title: 'LA MISE EN RÉSEAU RAPIDE', angles: { social: reviewed } } },
      },
      review: {
        threads: {},
        titleMarks: {
          basse: [{ type: 'insertion', attrs: { id: 's-3', author: 'A', date: null }, from: 17, to: 24 }],
        },
      },
    };
    const printed = sheetWithoutSuggestions(sheet);
    expect(textOf(printed.sections['passe'] as DocNode)).toBe('Le Big Data progresse vite.');
    expect(printed.microScenarios.scenarios['basse']?.title).toBe('LA MISE EN RÉSEAU');
    expect(textOf(printed.microScenarios.scenarios['basse']?.angles['social'] as DocNode)).toBe(
      'Le Big Data progresse vite.',
    );
  });
});
