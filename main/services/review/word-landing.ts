import type { ReviewChangeFound, ReviewCommentFound } from '../../../shared/api/review-contract.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { canonicalJson } from '../../../shared/history/canonical.js';
import { COMMENT_MARK } from '../../../shared/content/review-marks.js';
import type { SheetParts } from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import { parsePartKey, REVIEW_KEY, type PartKey } from '../../../shared/model/history.js';
import {
  REVIEW_LIMITS,
  type CommentThread,
  type Review,
  type ReviewOwner,
} from '../../../shared/model/review.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { anchorsOfDoc, type PartAnchors } from '../../../shared/review/anchors.js';
import { withoutSuggestions } from '../../../shared/review/suggestions.js';
import { titleDocOf, titleOfDoc } from '../../../shared/review/title-marks.js';
import type { DocxDocument } from '../docx-read/model.js';
import { fr } from '../french.js';
import type { HistorySubject } from '../history/subjects.js';
import type { ReviewMarker } from '../import/review-marker.js';
import { plural } from '../../../shared/plural.js';
import { answeredThread, type Printed, type PrintedThread } from './printed-threads.js';
import { landReview, type LandingScope } from './review-landing.js';
import { isoOf, nameOf, threadsOf } from './word-threads.js';

/**
 * Where a reviewer's Word copy lands (word-review.ts): the sheet, and the family's shared
 * micro-scenarios when the copy printed them. Both are history subjects, seen as the
 * history sees them (parts), so one landing serves both: each part the reviewer read
 * lands on the side that holds it, each comment becomes a thread of the side its words
 * are on, each change a suggestion in that side's text.
 */
export interface Side<T = unknown> {
  owner: ReviewOwner;
  subject: HistorySubject<T>;
  current: T;
  /** Its parts now. */
  now: SheetParts;
  /** Its parts in the revision the copy printed. */
  exported: SheetParts;
}

export interface SideLanding {
  side: Side;
  /** The parts the landing changed: content with the reviewer's marks, the review with the new threads. */
  parts: SheetParts;
  /** Threads and suggestions it adds: nothing is written for a side that gets none. */
  additions: number;
}

export interface Landing {
  sides: SideLanding[];
  comments: ReviewCommentFound[];
  changes: ReviewChangeFound[];
  warnings: string[];
}

export interface LandingInput {
  template: SheetTemplate;
  doc: DocxDocument;
  marker: ReviewMarker;
  /** The file's fingerprint: the ids of what it adds start with it. */
  prefix: string;
  /** The reviewer's content of each part they read, their marks in it (import/review-marker.ts). */
  reviewed: Map<PartKey, DocNode>;
  /** The side of each part; undefined for one that lands nowhere (its warning is given). */
  sideOf: (key: PartKey) => Side | undefined;
  sides: readonly Side[];
  scope: LandingScope;
  /** The threads the copy printed, found among its comments. */
  printed: Printed;
  now: string;
}

/** A micro-scenario's title or angle: the family's, when the copy printed its shared ones. */
export const isScenarioPart = (key: PartKey): boolean => {
  const kind = parsePartKey(key)?.kind;
  return kind === 'title' || kind === 'angle';
};

/** « Hypothèse basse, social (micro-scénarios partagés) »: a part as the import names it. */
export function landingPartTitle(template: SheetTemplate, key: PartKey, owner: ReviewOwner): string {
  const title = partTitle(template, key);
  return owner === 'family' ? fr`${title} (micro-scénarios partagés)` : title;
}

/**
 * A part's content as a document: a section's or an angle's as it is; a scenario title
 * (plain text, its marks in the review) as the one-paragraph document its editor shows.
 */
function partDoc(parts: SheetParts, key: PartKey): DocNode | undefined {
  const parsed = parsePartKey(key);
  if (parsed?.kind !== 'title') return parts[key] as DocNode | undefined;
  const title = parts[key];
  if (typeof title !== 'string') return undefined;
  const review = parts[REVIEW_KEY] as Review | undefined;
  return titleDocOf(title, review?.titleMarks[parsed.hypothesis] ?? []);
}

export function land(input: LandingInput): Landing {
  const { template, doc, marker, prefix, reviewed, sideOf, scope, now } = input;
  const warnings: string[] = [];
  const reviewer = nameOf(doc.properties.lastModifiedBy);
  const date = doc.properties.modified ? isoOf(doc.properties.modified, now) : null;
  let untrackedCount = 0;
  const landed = new Map<Side, Map<PartKey, DocNode>>(input.sides.map((side) => [side, new Map()]));
  for (const [key, reviewedDoc] of reviewed) {
    const side = sideOf(key);
    if (!side) continue;
    const currentDoc = partDoc(side.now, key);
    const exportedDoc = partDoc(side.exported, key);
    if (!currentDoc || !exportedDoc) continue;
    const { doc: landedDoc } = landReview({
      current: currentDoc,
      reviewed: reviewedDoc,
      exported: withoutSuggestions(exportedDoc),
      scope,
      untracked: () => {
        untrackedCount += 1;
        return { id: `${prefix}-u${untrackedCount}`, author: reviewer, date };
      },
    });
    landed.get(side)?.set(key, landedDoc);
  }

  // Where each comment's words are: in the text as landed, else in the reviewer's text
  // (words deleted since the export: kept as « texte supprimé »).
  const anchorsNow = [...landed].flatMap(([side, docs]) =>
    [...docs].map(([key, landedDoc]) => ({ side, key, anchors: anchorsOfDoc(landedDoc) })),
  );
  const anchorsThen = [...reviewed].map(([key, reviewedDoc]) => ({
    side: sideOf(key),
    key,
    anchors: anchorsOfDoc(reviewedDoc),
  }));
  const ownerOf = new Map<string, ReviewOwner>();
  const find = (
    id: string,
    among: readonly { side: Side | undefined; key: PartKey; anchors: PartAnchors }[],
  ) => among.find(({ anchors }) => anchors.comments.has(id));
  // A printed thread's words are its own anchor, in the text now (its part may not be in the copy).
  const printedById = new Map([...input.printed.threads.values()].map((entry) => [entry.thread.id, entry]));
  const sideOfOwner = (owner: ReviewOwner) => input.sides.find((side) => side.owner === owner);
  const threadNow = (entry: PrintedThread) => {
    const side = sideOfOwner(entry.owner);
    return side && side.subject.reviewOf(side.current).threads[entry.thread.id];
  };
  const place = (id: string) => {
    const found = find(id, anchorsNow);
    const printed = printedById.get(id);
    if (!found && printed) {
      ownerOf.set(id, printed.owner);
      const now = threadNow(printed);
      const side = sideOfOwner(printed.owner);
      const doc = now && side ? partDoc(side.now, now.part) : undefined;
      const anchored = doc ? anchorsOfDoc(doc).comments.has(id) : false;
      return { part: (now ?? printed.thread).part, quote: (now ?? printed.thread).quote, anchored };
    }
    const then = found ?? find(id, anchorsThen);
    if (!then) return { part: null, quote: '', anchored: false };
    // A comment on shared words the copy cannot land (an old copy) is the family's all the same.
    ownerOf.set(id, then.side?.owner ?? (isScenarioPart(then.key) ? 'family' : 'sheet'));
    return { part: then.key, quote: then.anchors.comments.get(id) ?? '', anchored: found !== undefined };
  };
  const fallbackPart: PartKey = `section/${template.sections[0]?.id ?? 'passe'}`;
  const threads = threadsOf(doc, marker, input.printed, place, fallbackPart, now).map((entry) => ({
    ...entry,
    owner: ownerOf.get(entry.thread.id) ?? 'sheet',
  }));

  // What each conversation changes: a new thread; a printed one, the reviewer's answers and resolution.
  const newReplies = new Map<string, number>();
  const sides = input.sides.map((side): SideLanding => {
    const review = side.subject.reviewOf(side.current);
    const added = threads
      .filter(({ owner }) => owner === side.owner)
      .flatMap(({ thread, printed }) => {
        const current = review.threads[thread.id];
        if (!printed) {
          newReplies.set(thread.id, current ? 0 : thread.replies.length);
          return current ? [] : [{ thread }];
        }
        const base = current ?? printed.thread;
        const next = answeredThread(base, thread, printed, { name: reviewer, at: date ?? now });
        newReplies.set(thread.id, next.replies.length - base.replies.length);
        return current && canonicalJson(next) === canonicalJson(current) ? [] : [{ thread: next }];
      });
    const docs = landed.get(side) ?? new Map<PartKey, DocNode>();
    const suggestions = [...docs.values()].reduce(
      (count, landedDoc) =>
        count +
        anchorsOfDoc(landedDoc).suggestions.filter((suggestion) => suggestion.id.startsWith(`${prefix}-`))
          .length,
      0,
    );
    const parts: SheetParts = {};
    const titleMarks = { ...review.titleMarks };
    for (const [key, landedDoc] of docs) {
      const parsed = parsePartKey(key);
      if (parsed?.kind !== 'title') {
        parts[key] = landedDoc;
        continue;
      }
      const title = titleOfDoc(landedDoc);
      parts[key] = title.text;
      titleMarks[parsed.hypothesis] = title.marks;
    }
    const nextReview: Review = {
      threads: { ...review.threads, ...Object.fromEntries(added.map(({ thread }) => [thread.id, thread])) },
      titleMarks,
    };
    return {
      side,
      parts: { ...parts, [REVIEW_KEY]: nextReview },
      additions: added.length + (scope === 'all' ? suggestions : 0),
    };
  });

  const knownOf = (owner: ReviewOwner): Record<string, CommentThread> => {
    const side = input.sides.find((candidate) => candidate.owner === owner);
    return side ? side.subject.reviewOf(side.current).threads : {};
  };
  const comments = threads.map(({ found, owner, printed }) => ({
    ...found,
    owner,
    partTitle: found.part ? landingPartTitle(template, found.part, owner) : 'hors des parties de la fiche',
    known: printed !== undefined || knownOf(owner)[found.id] !== undefined,
    newReplies: newReplies.get(found.id) ?? 0,
  }));
  const changes: ReviewChangeFound[] = anchorsNow.flatMap(({ side, key, anchors }) =>
    anchors.suggestions
      .filter((suggestion) => suggestion.id.startsWith(`${prefix}-`))
      .map((suggestion) => ({
        id: suggestion.id,
        owner: side.owner,
        part: key,
        partTitle: landingPartTitle(template, key, side.owner),
        kind: suggestion.kind,
        tracked: !suggestion.id.startsWith(`${prefix}-u`),
        author: suggestion.author,
        date: suggestion.date,
        text: suggestion.text,
      })),
  );
  const unplaced = doc.comments.length - comments.reduce((sum, comment) => sum + 1 + comment.replies, 0);
  if (unplaced > 0)
    warnings.push(
      fr`${plural(unplaced, 'commentaire')} du document dépassent ce qu’une fiche garde (${REVIEW_LIMITS.threads} fils, ${REVIEW_LIMITS.replies} réponses par fil) : ils ne sont pas importés.`,
    );
  return { sides, comments, changes, warnings };
}

/** Whether a previous import of this very file left its threads or its suggestions on a side. */
export function alreadyImported(sides: readonly Side[], prefix: string): boolean {
  return sides.some((side) =>
    Object.entries(side.now).some(([key, value]) => {
      if (key === REVIEW_KEY) {
        const review = value as Review;
        const ids = [
          ...Object.keys(review.threads),
          ...Object.values(review.titleMarks)
            .flat()
            .flatMap((mark) => (mark.type === COMMENT_MARK ? [] : [mark.attrs.id])),
        ];
        return ids.some((id) => id.startsWith(`${prefix}-`));
      }
      if (typeof value !== 'object' || (value as DocNode).type !== 'doc') return false;
      return anchorsOfDoc(value as DocNode).suggestions.some((suggestion) =>
        suggestion.id.startsWith(`${prefix}-`),
      );
    }),
  );
}
