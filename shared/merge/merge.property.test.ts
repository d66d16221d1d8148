import { describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../content/doc.js';
import { mergeSheetFiles } from './files.js';
import { p, sheetOf, labels } from './testing.js';

/**
 * Property-style: random edits on both sides of random sections, seeded so a failure
 * replays. Whatever the edits, the merge never loses a word: every word either side wrote
 * is in the merged sheet or in the other version of one of its conflicts, and every
 * paragraph neither side touched is still in the sheet.
 */

function random(seed: number): () => number {
  // mulberry32
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
let wordCounter = 0;
const newWord = () => `mot${(wordCounter += 1)}`;
const paragraph = (rand: Rand) => p(Array.from({ length: 1 + Math.floor(rand() * 4) }, newWord).join(' '));
const pick = (rand: Rand, n: number) => Math.floor(rand() * n);

function edit(rand: Rand, blocks: DocNode[]): DocNode[] {
  const out = [...blocks];
  for (let ops = pick(rand, 4); ops > 0; ops -= 1) {
    const op = pick(rand, 5);
    if (op === 0 || out.length === 0) out.splice(pick(rand, out.length + 1), 0, paragraph(rand));
    else if (op === 1) out.splice(pick(rand, out.length), 1);
    else if (op === 2) {
      const at = pick(rand, out.length);
      out[at] = p(`${textOf(out[at]!)} ${newWord()}`);
    } else if (op === 3) out[pick(rand, out.length)] = paragraph(rand);
    else {
      const [moved] = out.splice(pick(rand, out.length), 1);
      out.splice(pick(rand, out.length + 1), 0, moved!);
    }
  }
  return out;
}

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));
const docOf = (content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('merge never loses a word', () => {
  it('holds for 1,000 random pairs of edits', () => {
    const sections = ['trajectoire', 'passe', 'present'];
    for (let seed = 1; seed <= 1000; seed += 1) {
      const rand = random(seed);
      const baseBlocks = Object.fromEntries(
        sections.map((id) => [id, Array.from({ length: pick(rand, 6) }, () => paragraph(rand))]),
      );
      const side = () =>
        Object.fromEntries(
          sections.map((id) => [id, rand() < 0.6 ? edit(rand, baseBlocks[id]!) : baseBlocks[id]!]),
        );
      const [oursBlocks, theirsBlocks] = [side(), side()];
      const toSheet = (blocks: Record<string, DocNode[]>) =>
        sheetOf(Object.fromEntries(sections.map((id) => [id, docOf(blocks[id]!)])));
      const [base, ours, theirs] = [toSheet(baseBlocks), toSheet(oursBlocks), toSheet(theirsBlocks)];
      const { file } = mergeSheetFiles(base, ours, theirs, labels);
      const swapped = mergeSheetFiles(base, theirs, ours, labels).file;

      for (const id of sections) {
        const key = `section/${id}`;
        const kept = words(textOf(file.sections[id]!));
        const others = (file.conflicts ?? [])
          .filter((c) => c.part === key)
          .map((c) => textOf(c.value as DocNode));
        const everywhere = new Set([...kept, ...others.flatMap((text) => [...words(text)])]);
        const baseWords = words(textOf(base.sections[id]!));
        for (const written of [ours, theirs].flatMap((s) => [...words(textOf(s.sections[id]!))])) {
          if (!baseWords.has(written))
            expect(everywhere, `seed ${seed}, ${id}: ${written}`).toContain(written);
        }
        // A paragraph both sides kept (perhaps moved) is in the sheet, or in the other
        // version when the sheet shows a conflict there; without conflict, in the sheet.
        const keys = (blocks: DocNode[]) => new Set(blocks.map((b) => JSON.stringify(b)));
        const [inOurs, inTheirs] = [keys(oursBlocks[id]!), keys(theirsBlocks[id]!)];
        const merged = keys(file.sections[id]!.content ?? []);
        const inOther = keys(
          (file.conflicts ?? [])
            .filter((c) => c.part === key)
            .flatMap((c) => (c.value as DocNode).content ?? []),
        );
        for (const block of baseBlocks[id]!) {
          const k = JSON.stringify(block);
          if (inOurs.has(k) && inTheirs.has(k))
            expect(merged.has(k) || inOther.has(k), `seed ${seed}, ${id}`).toBe(true);
        }
        // Nothing invented: every word comes from one of the three versions.
        const known = new Set([
          ...baseWords,
          ...words(textOf(ours.sections[id]!)),
          ...words(textOf(theirs.sections[id]!)),
        ]);
        for (const word of everywhere) expect(known.has(word), `seed ${seed}: ${word}`).toBe(true);
        // Merging the other way round keeps the same words, in the sheet or in a conflict.
        const swappedWords = new Set([
          ...words(textOf(swapped.sections[id]!)),
          ...(swapped.conflicts ?? [])
            .filter((c) => c.part === key)
            .flatMap((c) => [...words(textOf(c.value as DocNode))]),
        ]);
        expect(swappedWords, `seed ${seed}, ${id}`).toEqual(everywhere);
      }
    }
  });

  it('is the identity when one side did nothing or both did the same', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const rand = random(seed);
      const base = sheetOf({ passe: docOf(Array.from({ length: pick(rand, 6) }, () => paragraph(rand))) });
      const changed = sheetOf({ passe: docOf(edit(rand, base.sections.passe!.content ?? [])) });
      expect(mergeSheetFiles(base, base, changed, labels).file.sections).toEqual(changed.sections);
      expect(mergeSheetFiles(base, changed, base, labels).file.sections).toEqual(changed.sections);
      const same = mergeSheetFiles(base, changed, changed, labels);
      expect(same.file.sections).toEqual(changed.sections);
      expect(same.conflicts).toEqual([]);
    }
  });
});
