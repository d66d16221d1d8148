import type { FamilyPatch, ScenarioPatch, SheetPatch, SheetView } from '../../../shared/api/contract.js';
import { emptyDoc, type DocNode } from '../../../shared/content/doc.js';
import type { CommentThread, ReviewOwner, TitleMark } from '../../../shared/model/review.js';
import type { SheetStatus } from '../../../shared/model/sheet.js';

/**
 * The parts of an open sheet that save independently: each editor, title and field, each
 * comment thread, and the marks of each scenario title. Micro-scenarios, their threads and
 * their titles' marks belong either to the sheet or to its family (shared by its sheets).
 */
export type Owner = ReviewOwner;

export type Part =
  | { kind: 'section'; section: string }
  | { kind: 'scenario-title'; owner: Owner; hypothesis: string }
  | { kind: 'scenario-angle'; owner: Owner; hypothesis: string; angle: string }
  | { kind: 'family-note' }
  | { kind: 'status' }
  | { kind: 'authors' }
  | { kind: 'use-family' }
  | { kind: 'thread'; owner: Owner; id: string }
  | { kind: 'title-marks'; owner: Owner; hypothesis: string };

/** What each kind of part holds. */
export interface PartValues {
  section: DocNode;
  'scenario-title': string;
  'scenario-angle': DocNode;
  'family-note': DocNode;
  status: SheetStatus;
  authors: string[];
  'use-family': boolean;
  /** null: the thread was deleted. */
  thread: CommentThread | null;
  'title-marks': TitleMark[];
}

export type PartValue<P extends Part> = PartValues[P['kind']];

export function partKey(part: Part): string {
  switch (part.kind) {
    case 'section':
      return `section/${part.section}`;
    case 'scenario-title':
      return `${part.owner}/${part.hypothesis}/title`;
    case 'scenario-angle':
      return `${part.owner}/${part.hypothesis}/angle/${part.angle}`;
    // A sheet's keep the keys they had before families took comments: the browser's journal
    // may hold some, without an owner.
    case 'thread':
      return part.owner === 'family' ? `family/thread/${part.id}` : `thread/${part.id}`;
    case 'title-marks':
      return `${part.owner === 'family' ? 'family' : 'sheet'}/${part.hypothesis}/title-marks`;
    default:
      return part.kind;
  }
}

/** What the host has for a part, in a loaded sheet view. */
export function partValueIn(view: SheetView, part: Part): unknown {
  const { sheet, familyShared } = view;
  const scenarios = (owner: Owner) =>
    owner === 'sheet' ? sheet.microScenarios.scenarios : familyShared.scenarios;
  // A part journalled before families took comments has no owner: it is the sheet's.
  const review = (owner: Owner | undefined) => (owner === 'family' ? familyShared.review : sheet.review);
  switch (part.kind) {
    case 'section':
      return sheet.sections[part.section] ?? emptyDoc();
    case 'scenario-title':
      return scenarios(part.owner)[part.hypothesis]?.title ?? '';
    case 'scenario-angle':
      return scenarios(part.owner)[part.hypothesis]?.angles[part.angle] ?? emptyDoc();
    case 'family-note':
      return familyShared.note;
    case 'status':
      return sheet.status;
    case 'authors':
      return sheet.authors;
    case 'use-family':
      return sheet.microScenarios.useFamily;
    case 'thread':
      return review(part.owner).threads[part.id] ?? null;
    case 'title-marks':
      return review(part.owner).titleMarks[part.hypothesis] ?? [];
  }
}

export interface SavedPart {
  part: Part;
  value: unknown;
}

function scenarioPatch(patches: Record<string, ScenarioPatch>, hypothesis: string): ScenarioPatch {
  patches[hypothesis] ??= {};
  return patches[hypothesis];
}

/**
 * The requests that save a batch of parts: only what changed, the sheet's parts in a
 * sheets:update patch, the family's in a families:update patch.
 */
export function patchesOf(batch: readonly SavedPart[]): { sheet?: SheetPatch; family?: FamilyPatch } {
  const sheet: SheetPatch = {};
  const family: FamilyPatch = {};
  const sheetScenarios: Record<string, ScenarioPatch> = {};
  const familyScenarios: Record<string, ScenarioPatch> = {};
  for (const { part, value } of batch) {
    switch (part.kind) {
      case 'section':
        sheet.sections = { ...sheet.sections, [part.section]: value as DocNode };
        break;
      case 'scenario-title':
        scenarioPatch(part.owner === 'sheet' ? sheetScenarios : familyScenarios, part.hypothesis).title =
          value as string;
        break;
      case 'scenario-angle': {
        const patch = scenarioPatch(
          part.owner === 'sheet' ? sheetScenarios : familyScenarios,
          part.hypothesis,
        );
        patch.angles = { ...patch.angles, [part.angle]: value as DocNode };
        break;
      }
      case 'family-note':
        family.note = value as DocNode;
        break;
      case 'status':
        sheet.status = value as SheetStatus;
        break;
      case 'authors':
        sheet.authors = value as string[];
        break;
      case 'use-family':
        sheet.useFamilyMicroScenarios = value as boolean;
        break;
      case 'thread': {
        const patch = part.owner === 'family' ? family : sheet;
        patch.threads = { ...patch.threads, [part.id]: value as CommentThread | null };
        break;
      }
      case 'title-marks': {
        const patch = part.owner === 'family' ? family : sheet;
        patch.titleMarks = { ...patch.titleMarks, [part.hypothesis]: value as TitleMark[] };
        break;
      }
    }
  }
  if (Object.keys(sheetScenarios).length > 0) sheet.scenarios = sheetScenarios;
  if (Object.keys(familyScenarios).length > 0) family.scenarios = familyScenarios;
  return {
    ...(Object.keys(sheet).length > 0 ? { sheet } : {}),
    ...(Object.keys(family).length > 0 ? { family } : {}),
  };
}
