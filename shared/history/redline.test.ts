import { describe, expect, it } from 'vitest';
import { bulletList, doc, figure, listItem, paragraph } from '../content/builders.js';
import type { DocNode } from '../content/doc.js';
import { commentedText, richParagraph } from '../review/builders.js';
import { canonicalJson } from './canonical.js';
import { redlineDoc, redlineLine, type ChangeAuthor, type ChangeStep } from './redline.js';

const anne: ChangeAuthor = { author: 'Anne', date: '2025-01-10T09:00:00.000Z' };
const paul: ChangeAuthor = { author: 'Paul', date: '2025-02-20T15:30:00.000Z' };

/** What Word's « Accepter tout » (keep) or « Refuser tout » does, on the JSON: nodes of the other kind go. */
function decideAll(node: DocNode, decision: 'accept' | 'reject'): DocNode | undefined {
  const gone = decision === 'accept' ? 'deletion' : 'insertion';
  if (node.marks?.some((mark) => mark.type === gone)) return undefined;
  const marks = (node.marks ?? []).filter((mark) => mark.type !== 'insertion' && mark.type !== 'deletion');
  const content = node.content
    ?.map((child) => decideAll(child, decision))
    .filter((child): child is DocNode => child !== undefined);
  const merged: DocNode[] = [];
  for (const child of content ?? []) {
    const last = merged[merged.length - 1];
    if (
      child.type === 'text' &&
      last?.type === 'text' &&
      canonicalJson(last.marks ?? []) === canonicalJson(child.marks ?? [])
    ) {
      last.text = `${last.text ?? ''}${child.text ?? ''}`;
    } else merged.push({ ...child });
  }
  const out: DocNode = { type: node.type };
  if (node.attrs) out.attrs = node.attrs;
  if (node.text !== undefined) out.text = node.text;
  if (marks.length) out.marks = marks;
  if (node.content && merged.length) out.content = merged;
  return out;
}

const normal = (node: DocNode) => canonicalJson(decideAll(node, 'accept'));

function changes(node: DocNode): { kind: string; text: string; author: string }[] {
  const found: { kind: string; text: string; author: string }[] = [];
  const visit = (child: DocNode) => {
    const mark = child.marks?.find(
      (candidate) => candidate.type === 'insertion' || candidate.type === 'deletion',
    );
    if (mark && child.type === 'text')
      found.push({ kind: mark.type, text: child.text ?? '', author: String(mark.attrs?.author) });
    child.content?.forEach(visit);
  };
  visit(node);
  return found;
}

describe('redline of a part', () => {
  const v1 = doc(paragraph('Le robot assiste les opérateurs.'), paragraph('Cette phrase sera supprimée.'));
  const v2 = doc(
    paragraph('Le robot collaboratif assiste les opérateurs.'),
    paragraph('Cette phrase sera supprimée.'),
  );
  const v3 = doc(
    paragraph('Le robot collaboratif assiste les techniciens.'),
    figure('Évolution', 'Insee'),
    paragraph('Un paragraphe tout neuf.'),
  );

  it('gives the current part when every change is accepted, the earlier one when every change is rejected', () => {
    const red = redlineDoc([v1, v2, v3], [anne, paul]);
    expect(canonicalJson(decideAll(red, 'accept'))).toBe(normal(v3));
    expect(canonicalJson(decideAll(red, 'reject'))).toBe(normal(v1));
  });

  it('signs each change with the revision that made it', () => {
    const red = redlineDoc([v1, v2, v3], [anne, paul]);
    const found = changes(red);
    expect(found).toContainEqual({ kind: 'insertion', text: 'collaboratif ', author: 'Anne' });
    expect(found).toContainEqual({ kind: 'deletion', text: 'opérateurs', author: 'Paul' });
    expect(found).toContainEqual({ kind: 'insertion', text: 'techniciens', author: 'Paul' });
    // The paragraph removed whole carries the mark itself, as does the figure added.
    const removed = red.content?.find((block) => block.content?.[0]?.text?.startsWith('Cette phrase'));
    expect(removed?.marks).toEqual([{ type: 'deletion', attrs: { author: 'Paul', date: paul.date } }]);
    const added = red.content?.find((block) => block.type === 'figure');
    expect(added?.marks?.[0]?.type).toBe('insertion');
  });

  it('keeps a word added then removed in between out of the changes', () => {
    const middle = doc(
      paragraph('Le robot très assiste les opérateurs.'),
      paragraph('Cette phrase sera supprimée.'),
    );
    const red = redlineDoc([v1, middle, v1], [anne, paul]);
    expect(changes(red)).toEqual([]);
  });

  it('compares the items of a list one by one, and follows formatting changes', () => {
    const before = doc(bulletList([listItem('premier'), listItem('deuxième')]));
    const after = doc(bulletList([listItem('premier'), listItem('deuxième point'), listItem('troisième')]));
    const red = redlineDoc([before, after], [anne]);
    expect(decideAll(red, 'accept')).toEqual(decideAll(after, 'accept'));
    expect(decideAll(red, 'reject')).toEqual(decideAll(before, 'reject'));
    expect(changes(red).map((change) => change.text)).toEqual([' point', 'troisième']);
  });

  it('pairs a list with its new self when a paragraph before it is removed', () => {
    const before = doc(
      paragraph('Un paragraphe qui part.'),
      bulletList([listItem('premier'), listItem('deuxième')]),
    );
    const after = doc(bulletList([listItem('premier'), listItem('deuxième point')]));
    const red = redlineDoc([before, after], [anne]);
    expect(changes(red).map((change) => [change.kind, change.text])).toEqual([
      ['deletion', 'Un paragraphe qui part.'],
      ['insertion', ' point'],
    ]);
    expect(decideAll(red, 'reject')).toEqual(decideAll(before, 'reject'));
  });

  it('does not count a comment added on words as a change, and keeps its anchor', () => {
    const before = doc(paragraph('robots et opérateurs'));
    const after = doc(richParagraph(commentedText('robots', 'c-1'), ' et opérateurs'));
    const red = redlineDoc([before, after], [anne]);
    expect(changes(red)).toEqual([]);
    expect(red.content?.[0]?.content?.[0]?.marks?.[0]).toEqual({ type: 'comment', attrs: { thread: 'c-1' } });
  });
});

describe('redline of two copies’ parallel work, once synced', () => {
  // Anne and Bruno both start from `base`, each offline; the history lists their revisions
  // in time order, Bruno's first, then the merge Anne's sync records (made from her own
  // revision, taking Bruno's words from his).
  const bruno: ChangeAuthor = { author: 'Bruno', date: '2025-03-01T08:00:00.000Z' };
  const anneEdit: ChangeAuthor = { author: 'Anne', date: '2025-03-01T09:00:00.000Z' };
  const merge: ChangeAuthor = { author: 'Anne', date: '2025-03-02T10:00:01.000Z' };
  const base = doc(paragraph('Les robots arrivent.'), paragraph('Les usines changent vite.'));
  const brunos = doc(paragraph('Les robots arrivent.'), paragraph('Les usines changent très vite.'));
  const annes = doc(paragraph('Les robots collaboratifs arrivent.'), paragraph('Les usines changent vite.'));
  const merged = doc(
    paragraph('Les robots collaboratifs arrivent.'),
    paragraph('Les usines changent très vite.'),
  );
  const signed = (red: DocNode) =>
    changes(red).map(({ kind, text }) => {
      const mark = findMark(red, text);
      return [kind, text, mark?.author, mark?.date];
    });
  function findMark(node: DocNode, text: string): { author: unknown; date: unknown } | undefined {
    const mark = node.marks?.find(
      (candidate) => candidate.type === 'insertion' || candidate.type === 'deletion',
    );
    if (mark && node.text === text) return { author: mark.attrs?.author, date: mark.attrs?.date };
    for (const child of node.content ?? []) {
      const found = findMark(child, text);
      if (found) return found;
    }
    return undefined;
  }

  it('signs each copy’s words with its own revision, not with the merge that brought them together', () => {
    const steps: ChangeStep[] = [
      { ...bruno, from: 0 },
      { ...anneEdit, from: 0 },
      { ...merge, from: 2, merged: [1] },
    ];
    const red = redlineDoc([base, brunos, annes, merged], steps);
    expect(signed(red)).toEqual([
      ['insertion', 'collaboratifs ', 'Anne', anneEdit.date],
      ['insertion', 'très ', 'Bruno', bruno.date],
    ]);
    expect(canonicalJson(decideAll(red, 'accept'))).toBe(normal(merged));
    expect(canonicalJson(decideAll(red, 'reject'))).toBe(normal(base));
  });

  it('signs a deletion by the copy that deleted, when the other merely took it in', () => {
    const shorter = doc(paragraph('Les robots arrivent.'));
    const steps: ChangeStep[] = [
      { ...bruno, from: 0 },
      { ...anneEdit, from: 0 },
      { ...merge, from: 2, merged: [1] },
    ];
    const annesMerged = doc(paragraph('Les robots collaboratifs arrivent.'));
    const red = redlineDoc([base, shorter, annes, annesMerged], steps);
    expect(signed(red)).toEqual([
      ['insertion', 'collaboratifs ', 'Anne', anneEdit.date],
      ['deletion', 'Les usines changent vite.', 'Bruno', bruno.date],
    ]);
  });

  it('still signs an edit made after the sync by its own revision', () => {
    const later: ChangeAuthor = { author: 'Bruno', date: '2025-03-03T08:00:00.000Z' };
    const last = doc(paragraph('Les robots collaboratifs arrivent.'), paragraph('Les usines changent.'));
    const steps: ChangeStep[] = [
      { ...bruno, from: 0 },
      { ...anneEdit, from: 0 },
      { ...merge, from: 2, merged: [1] },
      { ...later, from: 3 },
    ];
    const red = redlineDoc([base, brunos, annes, merged, last], steps);
    expect(signed(red)).toEqual([
      ['insertion', 'collaboratifs ', 'Anne', anneEdit.date],
      ['deletion', ' vite', 'Bruno', later.date],
    ]);
  });
});

describe('redline of a title', () => {
  it('marks the ranges and maps the current offsets', () => {
    const {
      text,
      changes: ranges,
      offsetOf,
    } = redlineLine(['UN ESSOR LENT', 'UN ESSOR TRÈS RAPIDE'], [paul]);
    expect(text).toBe('UN ESSOR LENTTRÈS RAPIDE');
    expect(ranges.map(({ kind, from, to }) => [kind, text.slice(from, to)])).toEqual([
      ['deletion', 'LENT'],
      ['insertion', 'TRÈS RAPIDE'],
    ]);
    expect(text.slice(offsetOf(9), offsetOf(13))).toBe('TRÈS');
  });
});
