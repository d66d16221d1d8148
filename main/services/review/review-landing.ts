import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { DocMark, DocNode } from '../../../shared/content/doc.js';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../../../shared/content/review-marks.js';
import { contentSchema } from '../../../shared/content/schema.js';
import { wordDiff } from '../../../shared/history/tokens.js';

/**
 * Lands a reviewer's marks on a part of the sheet as it is now. The reviewer's part
 * (`reviewed`: the Word text read back with its comments and tracked changes as review
 * marks, import/review-marker.ts) is compared with the sheet's part as text: the text the
 * reviewer started from (tracked insertions left out) is aligned word by word with the
 * current text, so a comment lands on its words even when the sheet changed since the
 * export, and a tracked change lands where it was made. Text changed without tracking is
 * found by comparing the reviewer's text with the exported one (`exported`) and offered
 * as suggestions too, in the reviewer's name. The current content is kept as it is
 * (figures, attributes, its own comments): only marks and proposed text are added.
 */

/** One character of a part's text, in the order of its textblocks; a separator ends each textblock. */
interface Char {
  ch: string;
  /** Its position in its document (a separator: the end of its textblock's content). */
  pos: number;
  marks: readonly Mark[];
  block: number;
  separator: boolean;
  /** For the reviewer's text: its index in the text they started from, if it is part of it. */
  base?: number;
}

interface Flat {
  chars: Char[];
  text: string;
}

const SEPARATOR = '\n';
const LEAF = '\ufffc';

function flatten(doc: PmNode): Flat {
  const chars: Char[] = [];
  const texts: string[] = [];
  let block = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    block += 1;
    node.forEach((child, offset) => {
      const at = pos + 1 + offset;
      if (child.isText) {
        const text = child.text ?? '';
        texts.push(text);
        for (let index = 0; index < text.length; index += 1) {
          chars.push({
            ch: text[index] as string,
            pos: at + index,
            marks: child.marks,
            block,
            separator: false,
          });
        }
      } else {
        texts.push(LEAF);
        chars.push({ ch: LEAF, pos: at, marks: child.marks, block, separator: false });
      }
    });
    texts.push(SEPARATOR);
    chars.push({ ch: SEPARATOR, pos: pos + node.nodeSize - 1, marks: NO_MARKS, block, separator: true });
    return false;
  });
  return { chars, text: texts.join('') };
}

const NO_MARKS: readonly Mark[] = [];

/** A document's text as flatten() writes it, without the characters (the exported side). */
function textOf(doc: PmNode): string {
  const texts: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    node.forEach((child) => texts.push(child.isText ? (child.text ?? '') : LEAF));
    texts.push(SEPARATOR);
    return false;
  });
  return texts.join('');
}

/**
 * For each index of `from`'s text, the index of the same character in `to`'s text, or -1
 * where the word was changed between the two.
 */
function alignment(from: string, to: string): Int32Array {
  const map = new Int32Array(from.length + 1).fill(-1);
  let a = 0;
  let b = 0;
  for (const segment of wordDiff(from, to)) {
    const length = segment.text.length;
    if (segment.op === 'same') {
      for (let index = 0; index < length; index += 1) map[a + index] = b + index;
      a += length;
      b += length;
    } else if (segment.op === 'del') a += length;
    else b += length;
  }
  map[from.length] = to.length;
  return map;
}

/** The first index at or after `index` that the map knows, mapped; the end when none. */
function mappedForward(map: Int32Array, index: number): number {
  for (let at = index; at < map.length; at += 1) if ((map[at] as number) >= 0) return map[at] as number;
  return map[map.length - 1] as number;
}

export interface Suggested {
  id: string;
  author: string;
  date: string | null;
}

/** What lands: comment marks only (the command line's --apply-comments), or suggestions too. */
export type LandingScope = 'comments' | 'all';

interface Insertion {
  /** Index in the current text before which the text goes. */
  at: number;
  nodes: DocNode[];
  /** A whole paragraph the reviewer added: inserted as a paragraph of its own. */
  block?: DocNode;
}

function isInserted(char: Char): boolean {
  return char.marks.some((mark) => mark.type.name === INSERTION_MARK);
}

/** A character's review marks, as JSON (comments and deletions land on the current text). */
function landedMarks(char: Char, scope: LandingScope): readonly Mark[] {
  if (char.marks.length === 0) return NO_MARKS;
  return char.marks.filter(
    (mark) => mark.type.name === COMMENT_MARK || (scope === 'all' && mark.type.name === DELETION_MARK),
  );
}

export function landReview(options: {
  current: DocNode;
  reviewed: DocNode;
  exported: DocNode;
  scope: LandingScope;
  /** Names the suggestions made of untracked changes. */
  untracked: (index: number) => Suggested;
}): { doc: DocNode; untracked: number } {
  const schema = contentSchema();
  const current = schema.nodeFromJSON(options.current);
  const reviewed = schema.nodeFromJSON(options.reviewed);
  const currentFlat = flatten(current);
  const currentChars = currentFlat.chars;
  const reviewedChars = flatten(reviewed).chars;
  // The text the reviewer started from: their tracked insertions out; a paragraph wholly inserted, separator too.
  const wholly = new Set<number>();
  const byBlock = new Map<number, Char[]>();
  for (const char of reviewedChars) {
    const chars = byBlock.get(char.block);
    if (chars) chars.push(char);
    else byBlock.set(char.block, [char]);
  }
  for (const [block, chars] of byBlock) {
    const inner = chars.filter((char) => !char.separator);
    if (inner.length > 0 && inner.every(isInserted)) wholly.add(block);
  }
  const base: Char[] = [];
  const baseTexts: string[] = [];
  for (const char of reviewedChars) {
    if (wholly.has(char.block) || (!char.separator && isInserted(char))) continue;
    char.base = base.length;
    base.push(char);
    baseTexts.push(char.ch);
  }
  const baseText = baseTexts.join('');
  const toCurrent = alignment(baseText, currentFlat.text);
  const tr = new Transform(current);
  const marksAt = new Map<number, Mark[]>();
  const insertions: Insertion[] = [];

  // Comments and deletions on the text the reviewer read.
  base.forEach((char, index) => {
    const target = toCurrent[index] as number;
    const landed = currentChars[target];
    if (target < 0 || !landed || landed.separator) return;
    const marks = landedMarks(char, options.scope);
    if (marks.length > 0) marksAt.set(target, [...(marksAt.get(target) ?? []), ...marks]);
  });

  // Tracked insertions, at the place of the next character the reviewer kept.
  if (options.scope === 'all') {
    let run: Char[] = [];
    const flush = (next: Char | undefined) => {
      if (run.length === 0) return;
      const nextBase = next?.base ?? base.length;
      const at = mappedForward(toCurrent, nextBase);
      const nodes = nodesOf(run, options.scope);
      if (nodes.length > 0) insertions.push({ at, nodes });
      run = [];
    };
    for (const [block, chars] of byBlock) {
      if (wholly.has(block)) {
        flush(chars[0]);
        const following = reviewedChars.find((char) => char.block > block && char.base !== undefined);
        const nodes = nodesOf(
          chars.filter((char) => !char.separator),
          options.scope,
        );
        if (nodes.length > 0) {
          const at = mappedForward(toCurrent, following?.base ?? base.length);
          insertions.push({ at, nodes, block: { type: 'paragraph', content: nodes } });
        }
        continue;
      }
      for (const char of chars) {
        if (!char.separator && isInserted(char)) run.push(char);
        else flush(char);
      }
    }
    flush(undefined);
  }

  // Text changed without tracking: the exported text against the one the reviewer kept.
  let untracked = 0;
  if (options.scope === 'all') {
    const exportedText = textOf(schema.nodeFromJSON(options.exported));
    const fromExported = alignment(exportedText, currentFlat.text);
    let a = 0;
    for (const segment of wordDiff(exportedText, baseText)) {
      const length = segment.text.length;
      if (segment.op === 'same') {
        a += length;
        continue;
      }
      const suggestion = options.untracked(untracked);
      if (segment.op === 'del') {
        const mark = schema.marks[DELETION_MARK]!.create(suggestion);
        for (let index = a; index < a + length; index += 1) {
          const target = fromExported[index] as number;
          if (target >= 0 && currentChars[target] && !currentChars[target].separator) {
            marksAt.set(target, [...(marksAt.get(target) ?? []), mark]);
          }
        }
        a += length;
      } else {
        const words = segment.text.replace(/\n+/g, ' ');
        if (words.trim() !== '') {
          insertions.push({
            at: mappedForward(fromExported, a),
            nodes: [
              { type: 'text', text: words, marks: [{ type: INSERTION_MARK, attrs: { ...suggestion } }] },
            ],
          });
        }
      }
      untracked += 1;
    }
  }

  // Marks first (positions stay), each over its runs of neighbouring characters; then
  // insertions from the end, so each position holds.
  const runsOf = new Map<string, { mark: Mark; positions: number[] }>();
  for (const [index, marks] of marksAt) {
    for (const mark of marks) {
      const key = JSON.stringify(mark.toJSON());
      const entry = runsOf.get(key) ?? { mark, positions: [] };
      entry.positions.push((currentChars[index] as Char).pos);
      runsOf.set(key, entry);
    }
  }
  for (const { mark, positions } of runsOf.values()) {
    positions.sort((x, y) => x - y);
    let start = positions[0] as number;
    let end = start + 1;
    for (const pos of positions.slice(1)) {
      if (pos === end) end += 1;
      else {
        tr.addMark(start, end, mark);
        start = pos;
        end = pos + 1;
      }
    }
    tr.addMark(start, end, mark);
  }
  insertions.sort((x, y) => y.at - x.at);
  for (const insertion of insertions) {
    const char = currentChars[insertion.at] ?? currentChars[currentChars.length - 1];
    if (!char) continue;
    const pos = tr.mapping.map(char.pos, -1);
    const nodes = insertion.nodes.map((node) => schema.nodeFromJSON(node));
    if (insertion.block) {
      const $pos = tr.doc.resolve(pos);
      try {
        tr.insert($pos.before($pos.depth), schema.nodeFromJSON(insertion.block));
        continue;
      } catch {
        // Not a place for a paragraph (a cell, a caption): the text joins the paragraph there.
      }
    }
    tr.insert(pos, nodes);
  }
  return { doc: tr.doc.toJSON() as DocNode, untracked };
}

/** Characters of the reviewer's text as text nodes, with their marks (formatting, comments, their insertion). */
function nodesOf(chars: readonly Char[], scope: LandingScope): DocNode[] {
  const nodes: DocNode[] = [];
  for (const char of chars) {
    if (char.ch === LEAF) continue;
    const marks = char.marks
      .filter((mark) => scope === 'all' || mark.type.name === COMMENT_MARK)
      .map((mark) => mark.toJSON() as DocMark);
    const last = nodes[nodes.length - 1];
    if (last && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += char.ch;
    else nodes.push({ type: 'text', text: char.ch, ...(marks.length > 0 ? { marks } : {}) });
  }
  return nodes;
}
