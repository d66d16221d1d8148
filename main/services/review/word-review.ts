import { createHash } from 'node:crypto';
import type { ReviewApply, ReviewImportResult } from '../../../shared/api/review-contract.js';
import type { DocNode } from '../../../shared/content/doc.js';
import type { SheetMeta } from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import {
  angleKey,
  META_KEY,
  titleKey,
  type PartKey,
  type RevisionSummary,
} from '../../../shared/model/history.js';
import { AppFailure } from '../../../shared/result.js';
import { readDocx } from '../docx-read/read-docx.js';
import { fr } from '../french.js';
import { historyOf } from '../history/service.js';
import type { HistorySubject } from '../history/subjects.js';
import { analyseDocument } from '../import/analyse.js';
import { ReviewMarker } from '../import/review-marker.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable } from '../repository/system.js';
import { copyOrigin, familyCopyOrigin } from './copy-origin.js';
import { printedThreads } from './printed-threads.js';
import type { LandingScope } from './review-landing.js';
import { reviewGrowthProblem } from './review-patch.js';
import { alreadyImported, isScenarioPart, land, type Side } from './word-landing.js';

/**
 * « Importer une relecture Word… » (review:import, `fiches review`): a reviewer's copy of a
 * sheet exported by Fiches comes back. Its custom properties say which sheet and which
 * revision it is, and of the family's shared micro-scenarios when it printed them
 * (copy-origin.ts finds them); the import's own reading cuts it into the sheet's parts
 * (import/analyse.ts), keeping its comments and tracked changes as review marks; each
 * part's marks land on the sheet as it is now (review-landing.ts), or, for the family's
 * shared micro-scenarios the copy printed, on the family's (word-landing.ts). Comments
 * become threads (replies, resolved state, the reviewer as author); tracked and untracked
 * changes become suggestions, which nothing applies: the user accepts or rejects them in
 * the Relecture panel. When something is attached, a revision is recorded before and
 * after, in the history of each side it changed. A copy of another sheet, or of a revision
 * a history does not hold, is refused with the reason, and nothing is written.
 */

/** A side as the copy shows it (`exported`) and as it is now. */
async function sideOf<T>(owner: Side['owner'], subject: HistorySubject<T>, exported: T): Promise<Side> {
  const current = await subject.read();
  return {
    owner,
    subject: subject as HistorySubject,
    current,
    now: subject.partsOf(current),
    exported: subject.partsOf(exported),
  };
}

/** The part of the sheet each analysed part lands on, with the reviewer's content of it. */
function reviewedParts(parts: Awaited<ReturnType<typeof analyseDocument>>['parts']): Map<PartKey, DocNode> {
  const found = new Map<PartKey, DocNode[]>();
  for (const part of parts) {
    const target = part.proposed;
    if (target.kind === 'scenario-title' && part.titleContent) {
      // A title is one paragraph, as its editor shows it (shared/review/title-marks.ts).
      const paragraph: DocNode = { type: 'paragraph', content: part.titleContent };
      found.set(titleKey(target.hypothesis), [paragraph]);
      continue;
    }
    const key =
      target.kind === 'section'
        ? `section/${target.section}`
        : target.kind === 'scenario-angle'
          ? angleKey(target.hypothesis, target.angle)
          : undefined;
    if (key === undefined || part.nature !== 'content') continue;
    found.set(key, [...(found.get(key) ?? []), ...part.nodes]);
  }
  return new Map([...found].map(([key, nodes]) => [key, { type: 'doc', content: nodes }]));
}

/** Writes `next` over a side, between a revision before (« Avant import ») and one after. */
async function writeSide(
  side: Side,
  next: unknown,
  name: string,
): Promise<{ before: RevisionSummary; after: RevisionSummary | null }> {
  const { subject } = side;
  const before = (await subject.record(
    side.current,
    { kind: 'import', source: name },
    true,
  )) as RevisionSummary;
  await subject.write(next);
  const after = await subject.recordSaved(next, { kind: 'imported', source: name });
  return { before, after: after ?? null };
}

export async function importWordReview(
  context: RepositoryContext,
  request: { sheetId: string; name: string; bytes: Buffer; apply: ReviewApply },
): Promise<ReviewImportResult> {
  const { sheetId, name, bytes, apply } = request;
  const { family } = requireVariable(await context.repository(), sheetId);
  const template = await context.template();
  const doc = readDocx(bytes, name);
  const origin = await copyOrigin(context, doc, sheetId);
  const familyOrigin = await familyCopyOrigin(context, doc, family.id);
  const sheet = origin.subject;
  const shared = familyOrigin?.subject;
  const prefix = `w${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`;
  const printed = printedThreads(doc, [
    { owner: 'sheet', review: sheet.reviewOf(origin.exported) },
    ...(familyOrigin
      ? [{ owner: 'family' as const, review: familyOrigin.subject.reviewOf(familyOrigin.exported) }]
      : []),
  ]);
  const marker = new ReviewMarker(doc, prefix, printed.ids);
  const analysis = await analyseDocument(context, doc, bytes, marker);
  const reviewed = reviewedParts(analysis.parts);
  const now = historyOf(context).now().toISOString();
  // Both sides are read, checked and written in their own queues: nothing saved meanwhile is lost.
  const inQueues = <R>(task: () => Promise<R>) =>
    context.queue.run(sheet.queue, () => (shared ? context.queue.run(shared.queue, task) : task()));
  return inQueues(async () => {
    const sheetSide = await sideOf('sheet', sheet, origin.exported);
    const familySide = familyOrigin && (await sideOf('family', familyOrigin.subject, familyOrigin.exported));
    const sides = familySide ? [sheetSide, familySide] : [sheetSide];
    const warnings = [...analysis.proposal.warnings];
    const { useFamily: showsFamily } = sheetSide.now[META_KEY] as SheetMeta;
    const skipped = new Set<PartKey>();
    const sideFor = (key: PartKey): Side | undefined => {
      if (!isScenarioPart(key)) return sheetSide;
      if (familySide) return familySide;
      // A copy naming no family revision prints the sheet's own micro-scenarios, unless the
      // sheet shows its family's: then it is older than that property, and lands nowhere.
      if (!showsFamily) return sheetSide;
      if (!skipped.has(key)) {
        skipped.add(key);
        warnings.push(
          fr`Cette copie ne dit pas de quelle version des micro-scénarios partagés de la famille elle vient : les commentaires et modifications de « ${partTitle(template, key)} » ne sont pas importés.`,
        );
      }
      return undefined;
    };
    const again = alreadyImported(sides, prefix);
    // What the file offers is listed in full; what is written is what `apply` asks for.
    const landAs = (scope: LandingScope) =>
      land({ template, doc, marker, prefix, reviewed, sideOf: sideFor, sides, scope, printed, now });
    const listed = landAs(again ? 'comments' : 'all');
    const scope: LandingScope = apply === 'comments' || again ? 'comments' : 'all';
    const landed = scope === 'all' || again ? listed : landAs(scope);
    warnings.push(...landed.warnings);
    if (again) {
      warnings.unshift(
        fr`Cette relecture a déjà été importée : seuls ses commentaires nouveaux sont ajoutés, ses modifications ne sont pas proposées une seconde fois.`,
      );
    }
    const result: ReviewImportResult = {
      fileName: name,
      sheetId,
      exportedRevision: origin.revision.seq,
      exportedRevisionId: origin.revision.id,
      comments: listed.comments,
      changes: again ? [] : listed.changes,
      warnings,
      applied: 'none',
      before: null,
      after: null,
      family: familyOrigin
        ? {
            familyId: family.id,
            exportedRevision: familyOrigin.revision.seq,
            exportedRevisionId: familyOrigin.revision.id,
            before: null,
            after: null,
          }
        : null,
    };
    const changing = landed.sides
      .filter((landing) => landing.additions > 0)
      .map(({ side, parts }) => ({ side, next: side.subject.withParts(side.current, parts, now) }));
    if (apply === 'none' || changing.length === 0) return result;
    // Every side checked before any is written; a review a sync's union took past the limits grows no further.
    for (const { side, next } of changing) {
      const { subject } = side;
      const problem =
        reviewGrowthProblem(subject.reviewOf(side.current), subject.reviewOf(next)) ?? subject.problem(next);
      if (problem) {
        throw new AppFailure(
          'invalid-content',
          fr`La relecture « ${name} » ne peut pas être importée : ${problem.replace(/\.$/, '')}. Rien n’a été modifié.`,
          { sheetId, name },
        );
      }
    }
    const written = new Map<Side['owner'], Awaited<ReturnType<typeof writeSide>>>();
    const done: Side[] = [];
    try {
      for (const { side, next } of changing) {
        written.set(side.owner, await writeSide(side, next, name));
        done.push(side);
      }
    } catch (error) {
      // All or nothing: a side written before the failure gets its content back (recorded,
      // so its history ends on what its file holds).
      for (const side of done) {
        await side.subject.write(side.current);
        await side.subject.recordSaved(side.current, { kind: 'auto' });
      }
      throw error;
    }
    const ofSheet = written.get('sheet');
    const ofFamily = written.get('family');
    return {
      ...result,
      applied: scope,
      before: ofSheet?.before ?? null,
      after: ofSheet?.after ?? null,
      family: result.family && {
        ...result.family,
        before: ofFamily?.before ?? null,
        after: ofFamily?.after ?? null,
      },
    };
  });
}
