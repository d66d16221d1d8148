import { diffArrays } from 'diff';
import type { DocNode } from '../content/doc.js';
import { META_KEY, parsePartKey, REVIEW_KEY, type PartKey } from '../model/history.js';
import type { Review } from '../model/review.js';
import { sheetStatusLabels } from '../model/sheet.js';
import type { SheetTemplate } from '../model/template.js';
import { blocksOf, describeBlock } from './blocks.js';
import { canonicalJson } from './canonical.js';
import type { SheetMeta, SheetParts } from './parts.js';
import { orderedParts, partTitle, templatePartKeys } from './titles.js';
import type { BlockChange, MetaChange, PartDiff, SheetDiff, ThreadChange } from './diff-schema.js';
import { reviewChanges } from './review-diff.js';
import { similarity, wordDiff } from './tokens.js';

/**
 * The comparison of two states of a sheet, part by part: unchanged parts are only named
 * (the view folds them); a changed section lists its blocks, each unchanged, added,
 * removed, moved (found unchanged elsewhere) or changed with a word-level inline diff.
 */

/** Below this share of unchanged text, two blocks at the same place are a removal and an addition. */
const PAIRING_SIMILARITY = 0.3;

const EMPTY_DOC: DocNode = { type: 'doc', content: [] };

interface Pending {
  key: PartKey;
  /** Blocks in order; removed and added ones not yet paired are settled after the move search. */
  items: Array<{ kind: 'same'; node: DocNode } | { kind: 'hunk'; removed: Slot[]; added: Slot[] }>;
}

interface Slot {
  node: DocNode;
  json: string;
  /** Set when found unchanged in another place. */
  moved?: { part: PartKey };
}

function alignBlocks(key: PartKey, before: DocNode, after: DocNode): Pending {
  const oldBlocks = blocksOf(before).map((node) => ({ node, json: canonicalJson(node) }));
  const newBlocks = blocksOf(after).map((node) => ({ node, json: canonicalJson(node) }));
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
    for (const block of newBlocks.slice(newIndex, newIndex + count)) {
      pending.items.push({ kind: 'same', node: block.node });
    }
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

function settle(pending: Pending, titleOf: (key: PartKey) => string): BlockChange[] {
  const blocks: BlockChange[] = [];
  const plain = (node: DocNode) => {
    const { type, label, text } = describeBlock(node);
    return label ? { type, label, text } : { type, text };
  };
  const otherPart = (part: PartKey) => (part === pending.key ? {} : { otherPart: titleOf(part) });
  for (const item of pending.items) {
    if (item.kind === 'same') {
      blocks.push({ kind: 'same', ...plain(item.node) });
      continue;
    }
    const removed = item.removed.filter((slot) => !slot.moved);
    const added = item.added.filter((slot) => !slot.moved);
    const paired = new Map<Slot, BlockChange>();
    const pairedRemoved = new Set<Slot>();
    removed.forEach((oldSlot, index) => {
      const newSlot = added[index];
      if (!newSlot || newSlot.node.type !== oldSlot.node.type) return;
      const before = describeBlock(oldSlot.node);
      const after = describeBlock(newSlot.node);
      const segments = wordDiff(before.text, after.text);
      if (similarity(segments) < PAIRING_SIMILARITY) return;
      const formatOnly = segments.every((segment) => segment.op === 'same');
      paired.set(newSlot, {
        kind: 'changed',
        type: after.type,
        ...(after.label ? { label: after.label } : {}),
        segments,
        formatOnly,
      });
      pairedRemoved.add(oldSlot);
    });
    for (const slot of item.removed) {
      if (slot.moved) blocks.push({ kind: 'moved-out', ...plain(slot.node), ...otherPart(slot.moved.part) });
      else if (!pairedRemoved.has(slot)) blocks.push({ kind: 'removed', ...plain(slot.node) });
    }
    for (const slot of item.added) {
      const change = paired.get(slot);
      if (change) blocks.push(change);
      else if (slot.moved)
        blocks.push({ kind: 'moved-in', ...plain(slot.node), ...otherPart(slot.moved.part) });
      else blocks.push({ kind: 'added', ...plain(slot.node) });
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

const feminineLabels = new Set(['Source', 'Figure', 'Citation', 'Image', 'Liste à puces', 'Liste numérotée']);

function highlightsOf(part: PartDiff): string[] {
  if (part.segments) return [`${part.title}\u00a0: titre modifié`];
  return (part.blocks ?? [])
    .filter((block) => block.label && blockVerbs[block.kind] !== '')
    .map((block) => {
      const verb = blockVerbs[block.kind] + (feminineLabels.has(block.label ?? '') ? 'e' : '');
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
  for (const { index, pending } of pendings) {
    const part = parts[index];
    if (part) part.blocks = settle(pending, titleOf);
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
