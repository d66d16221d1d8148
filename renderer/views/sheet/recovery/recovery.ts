import type { SheetView } from '../../../../shared/api/contract.js';
import { canonicalJson } from '../../../../shared/history/canonical.js';
import { diffSheets } from '../../../../shared/history/diff.js';
import type { SheetDiff } from '../../../../shared/history/diff-schema.js';
import {
  partsOfFamily,
  partsOfSheet,
  type SheetMeta,
  type SheetParts,
} from '../../../../shared/history/parts.js';
import {
  angleKey,
  META_KEY,
  NOTE_KEY,
  REVIEW_KEY,
  sectionKey,
  titleKey,
  type PartKey,
} from '../../../../shared/model/history.js';
import {
  emptyReview,
  type CommentThread,
  type Review,
  type TitleMark,
} from '../../../../shared/model/review.js';
import type { SheetStatus } from '../../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../../shared/model/template.js';
import type { JournalEntry } from '../journal.js';
import { partValueIn, type Part } from '../parts.js';

/**
 * What a sheet's journal still holds when the sheet opens, sorted against what the host
 * has now: edits that landed after all are forgotten; the others are offered back, each
 * saying whether the host's part changed since the edit began (then taking it back would
 * replace newer content, which only the user may decide).
 */
export interface RecoveredEdit {
  entry: JournalEntry;
  /** The host's part changed since the edit began (another tab, a restore, another machine). */
  changedSince: boolean;
}

export interface Recovery {
  offered: RecoveredEdit[];
  /** Already on the host as the journal has them. */
  landed: JournalEntry[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function sortRecovered(entries: readonly JournalEntry[], view: SheetView): Recovery {
  const recovery: Recovery = { offered: [], landed: [] };
  for (const entry of entries) {
    const current = partValueIn(view, entry.part);
    if (same(entry.value, current)) recovery.landed.push(entry);
    else recovery.offered.push({ entry, changedSince: !same(entry.base, current) });
  }
  return recovery;
}

/** Sheet parts and the family's shared ones are compared apart: they share their keys. */
function isFamilyPart(part: Part): boolean {
  if (part.kind === 'family-note') return true;
  return 'owner' in part && part.owner === 'family';
}

/** The history's name of a part (shared/model/history.ts); status, authors and the switch are its meta. */
export function historyKeyOf(part: Part): PartKey {
  switch (part.kind) {
    case 'section':
      return sectionKey(part.section);
    case 'scenario-title':
      return titleKey(part.hypothesis);
    case 'scenario-angle':
      return angleKey(part.hypothesis, part.angle);
    case 'family-note':
      return NOTE_KEY;
    case 'status':
    case 'authors':
    case 'use-family':
      return META_KEY;
    case 'thread':
    case 'title-marks':
      return REVIEW_KEY;
  }
}

function withRecovered(parts: SheetParts, edits: readonly RecoveredEdit[]): SheetParts {
  const after: SheetParts = { ...parts };
  for (const { entry } of edits) {
    const { part, value } = entry;
    if (part.kind === 'status' || part.kind === 'authors' || part.kind === 'use-family') {
      const meta = { ...(after[META_KEY] as SheetMeta) };
      if (part.kind === 'status') meta.status = value as SheetStatus;
      if (part.kind === 'authors') meta.authors = value as string[];
      if (part.kind === 'use-family') meta.useFamily = value as boolean;
      after[META_KEY] = meta;
    } else if (part.kind === 'thread' || part.kind === 'title-marks') {
      after[REVIEW_KEY] = withRecoveredReview(
        (after[REVIEW_KEY] as Review | undefined) ?? emptyReview(),
        part,
        value,
      );
    } else {
      after[historyKeyOf(part)] = value as SheetParts[PartKey];
    }
  }
  return after;
}

function withRecoveredReview(review: Review, part: Part, value: unknown): Review {
  if (part.kind === 'thread') {
    const threads = { ...review.threads };
    if (value === null) delete threads[part.id];
    else threads[part.id] = value as CommentThread;
    return { ...review, threads };
  }
  if (part.kind === 'title-marks') {
    return { ...review, titleMarks: { ...review.titleMarks, [part.hypothesis]: value as TitleMark[] } };
  }
  return review;
}

export interface RecoveryComparison {
  /** What taking the edits back would change in the sheet, as the history compares. */
  sheet: SheetDiff;
  /** The same for the family's shared micro-scenarios, when edits were typed there. */
  family?: SheetDiff;
  /** History keys of parts the host changed since (per group). */
  changedSince: { sheet: Set<PartKey>; family: Set<PartKey> };
}

export function compareRecovered(
  template: SheetTemplate,
  view: SheetView,
  offered: readonly RecoveredEdit[],
): RecoveryComparison {
  const familyEdits = offered.filter(({ entry }) => isFamilyPart(entry.part));
  const sheetEdits = offered.filter(({ entry }) => !isFamilyPart(entry.part));
  const keysChanged = (edits: readonly RecoveredEdit[]) =>
    new Set(edits.filter((edit) => edit.changedSince).map(({ entry }) => historyKeyOf(entry.part)));
  const sheetParts = partsOfSheet(view.sheet);
  const familyParts = partsOfFamily(view.familyShared);
  return {
    sheet: diffSheets(template, sheetParts, withRecovered(sheetParts, sheetEdits)),
    ...(familyEdits.length > 0
      ? { family: diffSheets(template, familyParts, withRecovered(familyParts, familyEdits)) }
      : {}),
    changedSince: { sheet: keysChanged(sheetEdits), family: keysChanged(familyEdits) },
  };
}
