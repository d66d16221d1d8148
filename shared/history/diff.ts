import { diffArrays } from 'diff';
import type { DocNode } from '../content/doc.js';
import { countNumbered, noCounts, numberBlocks, type Counts } from '../content/numbering.js';
import { META_KEY, parsePartKey, REVIEW_KEY, type PartKey } from '../model/history.js';
import type { Review } from '../model/review.js';
import { sheetStatusLabels } from '../model/sheet.js';
import type { SheetTemplate } from '../model/template.js';
import { blocksOf, describeBlock } from './blocks.js';
import { canonicalJson } from './canonical.js';
import type { SheetMeta, SheetParts } from './parts.js';
import { tableChange } from './tables.js';
import { orderedParts, partTitle, templatePartKeys } from './titles.js';
import type { BlockChange, MetaChange, PartDiff, SheetDiff, ThreadChange } from './diff-schema.js';
import { reviewChanges } from './review-diff.js';
import { similarity, wordDiff } from './tokens.js';

/**
 * The comparison of two states of a sheet, part by part: unchanged parts are only named
 * (the view folds them); a changed section lists its blocks, each unchanged, added,
 * removed, moved (found unchanged elsewhere) or changed with a word-level inline diff
 * (a table's row by row). Figures and tables are named by their number, as in the sheet.
 */

/** Below this share of unchanged text, two blocks at the same place are a removal and an addition. */
const PAIRING_SIMILARITY = 0.3;

const EMPTY_DOC: DocNode = { type: 'doc', content: [] };

export interface Pending {
  key: PartKey;
  /** Blocks in order; removed and added ones not yet paired are settled after the move search. */
  items: Array<{ kind: 'same'; slot: Slot } | { kind: 'hunk'; removed: Slot[]; added: Slot[] }>;
}

export interface Slot {
  node: DocNode;
  json: string;
  /** Its place among the blocks of its part, on its side (the newer one for an unchanged block). */
  index: number;
  /** Set when found unchanged in another place. */
  moved?: { part: PartKey };
}

/** Figure and table numbers of one side, by part and block index. */
type Numbers = Map<PartKey, Map<number, number>>;

/** Each part counts on from the parts before it, in the sheet's order (numbering.ts). */
function numbersOf(keys: readonly PartKey[], parts: SheetParts): Numbers {
  const numbers: Numbers = new Map();
  let counts: Counts = noCounts();
  for (const key of keys) {
    const value = parts[key] as DocNode | string | undefined;
    if (typeof value !== 'object' || value.type !== 'doc') continue;
    numbers.set(key, new Map(numberBlocks(value, counts).map((block) => [block.index, block.number])));
    const own = countNumbered(value);
    counts = { figure: counts.figure + own.figure, table: counts.table + own.table };
  }
  return numbers;
}

/** The blocks of two versions of a part (or of a container block) in order: runs of unchanged ones, and hunks of removed and added ones. */
export function alignBlocks(key: PartKey, before: DocNode, after: DocNode): Pending {
  const oldBlocks = blocksOf(before).map((node, index) => ({ node, json: canonicalJson(node), index }));
  const newBlocks = blocksOf(after).map((node, index) => ({ node, json: canonicalJson(node), index }));
  const changes = diffArrays(
    oldBlocks.map((block) => block.json),
    newBlocks.map((block) => block.json),
  );
  const pending: Pending = { key, items: [] };
  let oldIndex = 0;
  let newIndex = 0;
  let hunk: { kind: 'hunk'; removed: Slot[]; added: Slot[] } | undefined;
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed || change.added) {
      if (!hunk) {
        hunk = { kind: 'hunk', removed: [], added: [] };
        pending.items.push(hunk);
      }
      if (change.removed) {
        hunk.removed.push(...oldBlocks.slice(oldIndex, oldIndex + count));
        oldIndex += count;
      } else {
        hunk.added.push(...newBlocks.slice(newIndex, newIndex + count));
        newIndex += count;
      }
      continue;
    }
    hunk = undefined;
    for (const slot of newBlocks.slice(newIndex, newIndex + count))
      pending.items.push({ kind: 'same', slot });
    oldIndex += count;
    newIndex += count;
  }
  return pending;
}

/** A block removed in one place and added unchanged in another (same part or not) was moved. */
function findMoves(pendings: Pending[]): void {
  const added = new Map<string, Array<{ slot: Slot; part: PartKey }>>();
  for (const pending of pendings) {
    for (const item of pending.items) {
      if (item.kind !== 'hunk') continue;
      for (const slot of item.added) {
        const list = added.get(slot.json) ?? [];
        list.push({ slot, part: pending.key });
        added.set(slot.json, list);
      }
    }
  }
  for (const pending of pendings) {
    for (const item of pending.items) {
      if (item.kind !== 'hunk') continue;
      for (const slot of item.removed) {
        const match = added.get(slot.json)?.find((candidate) => !candidate.slot.moved);
        if (!match) continue;
        slot.moved = { part: match.part };
        match.slot.moved = { part: pending.key };
      }
    }
  }
}

/**
 * The removed and added blocks of a hunk that are one block changed: in order on both
 * sides, each removed block with the first added block after the last pair that is of
 * its type and shares enough of its text (a paragraph deleted before a list whose items
 * changed leaves the list paired with its new self). Old slot to new slot.
 */
export function pairBlocks(removed: readonly Slot[], added: readonly Slot[]): Map<Slot, Slot> {
  const pairs = new Map<Slot, Slot>();
  let from = 0;
  for (const oldSlot of removed) {
    const oldText = describeBlock(oldSlot.node).text;
    for (let index = from; index < added.length; index += 1) {
      const newSlot = added[index] as Slot;
      if (newSlot.node.type !== oldSlot.node.type) continue;
      if (similarity(wordDiff(oldText, describeBlock(newSlot.node).text)) < PAIRING_SIMILARITY) continue;
      pairs.set(oldSlot, newSlot);
      from = index + 1;
      break;
    }
  }
  return pairs;
}

function settle(
  pending: Pending,
  titleOf: (key: PartKey) => string,
  numbers: { before: Numbers; after: Numbers },
): BlockChange[] {
  const blocks: BlockChange[] = [];
  const numberOf = (slot: Slot, side: Numbers) => side.get(pending.key)?.get(slot.index);
  const describe = (slot: Slot, side: Numbers) => describeBlock(slot.node, numberOf(slot, side));
  const plain = (slot: Slot, side: Numbers) => {
    const { type, label, text } = describe(slot, side);
    return label ? { type, label, text } : { type, text };
  };
  const otherPart = (part: PartKey) => (part === pending.key ? {} : { otherPart: titleOf(part) });
  for (const item of pending.items) {
    if (item.kind === 'same') {
      blocks.push({ kind: 'same', ...plain(item.slot, numbers.after) });
      continue;
    }
    const removed = item.removed.filter((slot) => !slot.moved);
    const added = item.added.filter((slot) => !slot.moved);
    const paired = new Map<Slot, BlockChange>();
    const pairedRemoved = new Set<Slot>();
    for (const [oldSlot, newSlot] of pairBlocks(removed, added)) {
      const before = describe(oldSlot, numbers.before);
      const after = describe(newSlot, numbers.after);
      const segments = wordDiff(before.text, after.text);
      const formatOnly = segments.every((segment) => segment.op === 'same');
      paired.set(newSlot, {
        kind: 'changed',
        type: after.type,
        ...(after.label ? { label: after.label } : {}),
        segments,
        formatOnly,
        ...(after.type === 'tableFigure' ? { table: tableChange(oldSlot.node, newSlot.node) } : {}),
      });
      pairedRemoved.add(oldSlot);
    }
    for (const slot of item.removed) {
      if (slot.moved) {
        blocks.push({ kind: 'moved-out', ...plain(slot, numbers.before), ...otherPart(slot.moved.part) });
      } else if (!pairedRemoved.has(slot)) blocks.push({ kind: 'removed', ...plain(slot, numbers.before) });
    }
    for (const slot of item.added) {
      const change = paired.get(slot);
      if (change) blocks.push(change);
      else if (slot.moved) {
        blocks.push({ kind: 'moved-in', ...plain(slot, numbers.after), ...otherPart(slot.moved.part) });
      } else blocks.push({ kind: 'added', ...plain(slot, numbers.after) });
    }
  }
  return blocks;
}

function metaChanges(before: SheetMeta | undefined, after: SheetMeta | undefined): MetaChange[] {
  const changes: MetaChange[] = [];
  if (before?.status !== after?.status) {
    changes.push({
      field: 'status',
      label: 'Statut',
      before: before ? sheetStatusLabels[before.status] : '—',
      after: after ? sheetStatusLabels[after.status] : '—',
    });
  }
  const authors = (meta: SheetMeta | undefined) => (meta?.authors.length ? meta.authors.join(', ') : '—');
  if (authors(before) !== authors(after)) {
    changes.push({ field: 'authors', label: 'Auteurs', before: authors(before), after: authors(after) });
  }
  const micro = (meta: SheetMeta | undefined) =>
    meta === undefined ? '—' : meta.useFamily ? 'ceux de la famille' : 'ceux de la fiche';
  if (micro(before) !== micro(after)) {
    changes.push({
      field: 'useFamily',
      label: 'Micro-scénarios',
      before: micro(before),
      after: micro(after),
    });
  }
  return changes;
}

const blockVerbs: Record<BlockChange['kind'], string> = {
  same: '',
  added: 'ajouté',
  removed: 'supprimé',
  'moved-in': 'déplacé',
  'moved-out': '',
  changed: 'modifié',
};

/** Blocks named by a feminine noun (« Source modifiée »), by node type. */
const feminineTypes = new Set(['sourceLine', 'figure', 'blockquote', 'image', 'bulletList', 'orderedList']);

function highlightsOf(part: PartDiff): string[] {
  if (part.segments) return [`${part.title}\u00a0: titre modifié`];
  return (part.blocks ?? [])
    .filter((block) => block.label && blockVerbs[block.kind] !== '')
    .map((block) => {
      const verb = blockVerbs[block.kind] + (feminineTypes.has(block.type) ? 'e' : '');
      return `${block.label} ${verb} (${part.title})`;
    });
}

/** Compares two states of one sheet; parts are ordered as the template orders them. */
export function diffSheets(template: SheetTemplate, before: SheetParts, after: SheetParts): SheetDiff {
  const titleOf = (key: PartKey) => partTitle(template, key);
  const keys = orderedParts(template, [...Object.keys(before), ...Object.keys(after)]).filter(
    (key) => key !== META_KEY && key !== REVIEW_KEY,
  );
  const parts: PartDiff[] = [];
  const pendings: Array<{ index: number; pending: Pending }> = [];
  for (const key of keys) {
    const oldValue = before[key];
    const newValue = after[key];
    const title = titleOf(key);
    if (canonicalJson(oldValue ?? null) === canonicalJson(newValue ?? null)) {
      parts.push({ key, title, changed: false });
      continue;
    }
    if (parsePartKey(key)?.kind === 'title') {
      const segments = wordDiff(
        (oldValue as string | undefined) ?? '',
        (newValue as string | undefined) ?? '',
      );
      parts.push({ key, title, changed: true, segments });
      continue;
    }
    const pending = alignBlocks(
      key,
      (oldValue as DocNode | undefined) ?? EMPTY_DOC,
      (newValue as DocNode | undefined) ?? EMPTY_DOC,
    );
    pendings.push({ index: parts.length, pending });
    parts.push({ key, title, changed: true });
  }
  findMoves(pendings.map((entry) => entry.pending));
  const numbers = { before: numbersOf(keys, before), after: numbersOf(keys, after) };
  for (const { index, pending } of pendings) {
    const part = parts[index];
    if (part) part.blocks = settle(pending, titleOf, numbers);
  }
  const meta = metaChanges(
    before[META_KEY] as SheetMeta | undefined,
    after[META_KEY] as SheetMeta | undefined,
  );
  const order = new Map(templatePartKeys(template).map((key, index) => [key, index]));
  const review = reviewChanges(
    before[REVIEW_KEY] as Review | undefined,
    after[REVIEW_KEY] as Review | undefined,
    titleOf,
    (key) => order.get(key) ?? order.size,
  );
  return { parts, meta, review, highlights: [...parts.flatMap(highlightsOf), ...reviewHighlights(review)] };
}

const threadVerbs: Partial<Record<ThreadChange['kind'], [string, string]>> = {
  new: ['nouveau fil de commentaires', 'nouveaux fils de commentaires'],
  resolved: ['fil de commentaires résolu', 'fils de commentaires résolus'],
  deleted: ['fil de commentaires supprimé', 'fils de commentaires supprimés'],
};

/** « 2 nouveaux fils de commentaires », « 1 fil de commentaires résolu ». */
function reviewHighlights(review: readonly ThreadChange[]): string[] {
  return Object.entries(threadVerbs).flatMap(([kind, [one, many]]) => {
    const count = review.filter((change) => change.kind === kind).length;
    return count === 0 ? [] : [`${count}\u00a0${count === 1 ? one : many}`];
  });
}
