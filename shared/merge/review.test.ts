import { describe, expect, it } from 'vitest';
import type { DocNode } from '../content/doc.js';
import { REVIEW_LIMITS, type CommentThread, type Review } from '../model/review.js';
import {
  familyFileSchema,
  FAMILY_FILE_SCHEMA_VERSION,
  sheetFileSchema,
  type FamilyFile,
  type SheetFile,
} from '../model/sheet.js';
import { commentedText, commentThread, richParagraph } from '../review/builders.js';
import { mergeFamilyFiles, mergeSheetFiles } from './files.js';
import { doc, labels, sheetOf } from './testing.js';

const section = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const threadsOf = (review: Review) => Object.keys(review.threads).sort();
const withThreads = (...threads: CommentThread[]): Review => ({
  threads: Object.fromEntries(threads.map((thread) => [thread.id, thread])),
  titleMarks: {},
});

const anne = commentThread({ id: 'c-anne', part: 'section/passe', quote: 'Avant 2000.' });
const bruno = commentThread({
  id: 'c-bruno',
  part: 'section/passe',
  quote: 'Depuis 2010.',
  author: 'Bruno Petit',
  at: '2025-03-12T10:00:00.000Z',
});

/** The base sheet: two paragraphs of the past, nothing commented. */
const base = sheetOf({ passe: doc('Avant 2000.', 'Après 2000.', 'Depuis 2010.') });

/** `sheet` with a comment mark on the whole of paragraph `index` of the past. */
function commenting(sheet: SheetFile, index: number, thread: CommentThread, extra: Review): SheetFile {
  const blocks = [...(sheet.sections.passe!.content ?? [])];
  const text = blocks[index]!.content![0]!.text as string;
  blocks[index] = richParagraph(commentedText(text, thread.id));
  return { ...sheet, sections: { ...sheet.sections, passe: section(...blocks) }, review: extra };
}

describe('mergeSheetFiles: the review', () => {
  it('keeps the threads of two colleagues who commented the same sheet offline, with their marks', () => {
    const ours = commenting(base, 0, anne, withThreads(anne));
    const theirs = commenting(base, 2, bruno, withThreads(bruno));
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(conflicts).toEqual([]);
    expect(threadsOf(file.review)).toEqual(['c-anne', 'c-bruno']);
    const [first, , last] = file.sections.passe!.content!;
    expect(first).toEqual(richParagraph(commentedText('Avant 2000.', 'c-anne')));
    expect(last).toEqual(richParagraph(commentedText('Depuis 2010.', 'c-bruno')));
    expect(sheetFileSchema.safeParse(file).success).toBe(true);
  });

  it('never drops a thread when the commented paragraph is in conflict', () => {
    // Anne comments « Après 2000. »; Bruno rewrites it and comments his version.
    const ours = commenting(
      base,
      1,
      { ...anne, quote: 'Après 2000.' },
      withThreads({ ...anne, quote: 'Après 2000.' }),
    );
    const rewritten: SheetFile = {
      ...base,
      sections: { passe: doc('Avant 2000.', 'Après 2000, selon Bruno.', 'Depuis 2010.') },
    };
    const theirs = commenting(rewritten, 1, bruno, withThreads(bruno));
    const { file, conflicts } = mergeSheetFiles(base, ours, theirs, labels);
    expect(conflicts.map((conflict) => conflict.part)).toEqual(['section/passe']);
    expect(threadsOf(file.review)).toEqual(['c-anne', 'c-bruno']);
    // Bruno's marked text waits in the conflict, so keeping his version brings his anchor back.
    expect(JSON.stringify(conflicts[0]!.value)).toContain('"thread":"c-bruno"');
    expect(JSON.stringify(file.sections.passe)).toContain('"thread":"c-anne"');
    expect(sheetFileSchema.safeParse(file).success).toBe(true);
  });

  it('joins the replies of both sides in time order, and merges each field of a thread on its own', () => {
    const start = { ...base, review: withThreads(anne) };
    const reply = (id: string, author: string, at: string) => ({ id, author, at, text: `Réponse ${id}.` });
    const ours: SheetFile = {
      ...start,
      review: withThreads({
        ...anne,
        replies: [reply('r-2', 'Anne Martin', '2025-03-13T09:00:00.000Z')],
        resolved: { by: 'Anne Martin', at: '2025-03-14T09:00:00.000Z' },
      }),
    };
    const theirs: SheetFile = {
      ...start,
      review: withThreads({
        ...anne,
        text: 'À préciser, avec les chiffres.',
        editedAt: '2025-03-13T08:00:00.000Z',
        replies: [reply('r-1', 'Bruno Petit', '2025-03-12T11:00:00.000Z')],
      }),
    };
    const { file, conflicts } = mergeSheetFiles(start, ours, theirs, labels);
    expect(conflicts).toEqual([]);
    const thread = file.review.threads['c-anne']!;
    expect(thread.replies.map((r) => r.id)).toEqual(['r-1', 'r-2']);
    expect(thread.text).toBe('À préciser, avec les chiffres.');
    expect(thread.editedAt).toBe('2025-03-13T08:00:00.000Z');
    expect(thread.resolved).toEqual({ by: 'Anne Martin', at: '2025-03-14T09:00:00.000Z' });
  });

  it('keeps a thread deleted on one side and answered on the other, and forgets one deleted untouched', () => {
    const start = { ...base, review: withThreads(anne, bruno) };
    const answered = {
      ...bruno,
      replies: [{ id: 'r-1', author: 'Anne Martin', at: '2025-03-13T09:00:00.000Z', text: 'D’accord.' }],
    };
    const ours: SheetFile = { ...start, review: withThreads(anne) };
    const theirs: SheetFile = { ...start, review: withThreads(answered) };
    const { file } = mergeSheetFiles(start, ours, theirs, labels);
    // Bruno's thread was deleted by us but answered by them: it stays, with the answer.
    // Anne's was deleted by them and left alone by us: it goes.
    expect(threadsOf(file.review)).toEqual(['c-bruno']);
    expect(file.review.threads['c-bruno']!.replies).toHaveLength(1);
  });

  it('keeps a thread reopened on one side open, and the later of two edits of its text', () => {
    const resolved = { ...anne, resolved: { by: 'Anne Martin', at: '2025-03-13T09:00:00.000Z' } };
    const start = { ...base, review: withThreads(resolved) };
    const ours: SheetFile = {
      ...start,
      review: withThreads({ ...anne, text: 'Version du matin.', editedAt: '2025-03-14T08:00:00.000Z' }),
    };
    const theirs: SheetFile = {
      ...start,
      review: withThreads({
        ...resolved,
        resolved: { by: 'Bruno Petit', at: '2025-03-14T10:00:00.000Z' },
        text: 'Version du soir.',
        editedAt: '2025-03-14T18:00:00.000Z',
      }),
    };
    const thread = mergeSheetFiles(start, ours, theirs, labels).file.review.threads['c-anne']!;
    expect(thread.resolved).toBeUndefined();
    expect(thread.text).toBe('Version du soir.');
  });

  it('keeps every reply and every thread when both sides’ additions pass the limits together: the file stays valid', () => {
    const replies = (who: string, count: number, from = 0) =>
      Array.from({ length: count }, (_, n) => ({
        id: `r-${who.toLowerCase()}-${n + from}`,
        author: who,
        at: new Date(Date.UTC(2025, 2, 1) + (n + from) * 60_000).toISOString(),
        text: `Réponse ${n + from} de ${who}.`,
      }));
    const threads = (who: string, count: number) =>
      Array.from({ length: count }, (_, n) =>
        commentThread({ id: `c-${who.toLowerCase()}-${n}`, part: 'section/passe', quote: 'Avant 2000.' }),
      );
    const limits = REVIEW_LIMITS;
    const shared = { ...anne, replies: replies('Anne', limits.replies / 2) };
    const start = { ...base, review: withThreads(shared) };
    // Each side fills the thread up to the limit, and adds threads up to the limit.
    const side = (who: string) => ({
      ...start,
      review: withThreads(
        { ...shared, replies: [...shared.replies, ...replies(who, limits.replies / 2, limits.replies)] },
        ...threads(who, limits.threads - 1),
      ),
    });
    const ours = side('Anne');
    const theirs = side('Bruno');
    expect(sheetFileSchema.safeParse(ours).success).toBe(true);
    const { file } = mergeSheetFiles(start, ours, theirs, labels);
    expect(file.review.threads['c-anne']!.replies).toHaveLength(limits.replies * 1.5);
    expect(Object.keys(file.review.threads)).toHaveLength(2 * limits.threads - 1);
    const parsed = sheetFileSchema.safeParse(file);
    expect(parsed.error?.issues[0]?.message).toBeUndefined();
  });
});

describe('mergeFamilyFiles: the review of the shared micro-scenarios', () => {
  const angle = (review: Review, social: DocNode): FamilyFile => ({
    schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
    familyId: 'technologies',
    note: doc('Note.'),
    scenarios: { basse: { title: 'TITRE', angles: { social } } },
    review,
  });
  const onAngle = (thread: CommentThread) => ({ ...thread, part: 'scenario/basse/angle/social' });
  const annes = onAngle(anne);
  const brunos = onAngle({ ...bruno, quote: 'Depuis 2010.' });

  it('keeps both colleagues’ threads, a reply to one joined to it, and their marks', () => {
    const text = ['Avant 2000.', 'Depuis 2010.'] as const;
    const family = angle(withThreads(), doc(...text));
    const ours = angle(
      withThreads(annes),
      section(richParagraph(commentedText(text[0], annes.id)), ...doc(text[1]).content!),
    );
    const reply = { id: 'r-1', author: 'Claire Roux', at: '2025-03-13T09:00:00.000Z', text: 'D’accord.' };
    const theirs = angle(
      withThreads(brunos),
      section(...doc(text[0]).content!, richParagraph(commentedText(text[1], brunos.id))),
    );
    const merged = mergeFamilyFiles(family, ours, theirs, labels);
    expect(merged.conflicts).toEqual([]);
    expect(threadsOf(merged.file.review)).toEqual(['c-anne', 'c-bruno']);
    expect(merged.file.scenarios.basse!.angles.social!.content).toEqual([
      richParagraph(commentedText(text[0], annes.id)),
      richParagraph(commentedText(text[1], brunos.id)),
    ]);
    expect(familyFileSchema.safeParse(merged.file).success).toBe(true);
    // A reply brought by one side reaches a thread both sides had.
    const answered = angle(
      withThreads(annes, { ...brunos, replies: [reply] }),
      merged.file.scenarios.basse!.angles.social!,
    );
    const again = mergeFamilyFiles(merged.file, merged.file, answered, labels);
    expect(again.file.review.threads['c-bruno']?.replies).toEqual([reply]);
    expect(threadsOf(again.file.review)).toEqual(['c-anne', 'c-bruno']);
  });
});
