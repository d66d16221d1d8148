import { createHash } from 'node:crypto';
import type {
  ReviewApply,
  ReviewChangeFound,
  ReviewCommentFound,
  ReviewImportResult,
} from '../../../shared/api/review-contract.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { partTitle } from '../../../shared/history/titles.js';
import { angleKey, type PartKey, type RevisionSummary } from '../../../shared/model/history.js';
import { REVIEW_LIMITS } from '../../../shared/model/review.js';
import { sheetFileSchema, type SheetFile } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { anchorsOfDoc } from '../../../shared/review/anchors.js';
import { withoutSuggestions } from '../../../shared/review/suggestions.js';
import { AppFailure } from '../../../shared/result.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import type { DocxDocument } from '../docx-read/model.js';
import { readDocx } from '../docx-read/read-docx.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { fr } from '../french.js';
import { revisionOf } from '../history/queries.js';
import { sheetSubject } from '../history/subjects.js';
import { historyOf } from '../history/service.js';
import { analyseDocument } from '../import/analyse.js';
import { ReviewMarker } from '../import/review-marker.js';
import { plural } from '../import/warnings.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable } from '../repository/system.js';
import { requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { landReview, type LandingScope } from './review-landing.js';
import { isoOf, nameOf, threadsOf } from './word-threads.js';

/**
 * « Importer une relecture Word… » (review:import, `fiches review`): a reviewer's copy of a
 * sheet exported by Fiches comes back. Its custom properties say which sheet and which
 * revision it is (export/docx/review-properties.ts); the import's own reading cuts it into
 * the sheet's parts (import/analyse.ts), keeping its comments and tracked changes as
 * review marks; each part's marks land on the sheet as it is now (review-landing.ts).
 * Comments become threads (replies, resolved state, the reviewer as author); tracked and
 * untracked changes become suggestions, which nothing applies: the user accepts or rejects
 * them in the Relecture panel. When something is attached, a revision is recorded before
 * and after. A copy of another sheet, or of a revision the history does not hold, is
 * refused with the reason, and nothing is written.
 */

function refuse(
  code: 'invalid-request' | 'not-found',
  message: string,
  details: Record<string, unknown>,
): never {
  throw new AppFailure(code, message, details);
}

/** The revision the copy was exported from, once it is known to be a copy of this sheet. */
function exportedRevisionOf(doc: DocxDocument, sheetId: string): number {
  const custom = doc.properties.custom;
  const sheet = custom[REVIEW_PROPERTY.sheet];
  const name = doc.fileName;
  if (!sheet) {
    refuse(
      'invalid-request',
      fr`« ${name} » n’a pas été exporté par Fiches (il ne dit pas de quelle fiche il est la copie) : rien n’a été importé. Pour reprendre le texte d’un document Word, utilisez « Importer un document Word… ».`,
      { reason: 'not-exported', name },
    );
  }
  if (sheet !== sheetId) {
    refuse(
      'invalid-request',
      fr`« ${name} » est une copie de la fiche « ${sheet} », pas de celle-ci : rien n’a été importé. Ouvrez la fiche « ${sheet} » pour importer cette relecture.`,
      { reason: 'other-sheet', name, sheet },
    );
  }
  const seq = Number(custom[REVIEW_PROPERTY.revision]);
  if (!Number.isInteger(seq) || seq < 1) {
    refuse(
      'invalid-request',
      fr`« ${name} » ne dit pas de quelle version de la fiche il est la copie : rien n’a été importé. Exportez de nouveau la fiche pour la relecture.`,
      { reason: 'no-revision', name },
    );
  }
  return seq;
}

async function exportedSheet(context: RepositoryContext, sheetId: string, seq: number, name: string) {
  try {
    return (await revisionOf(context, await sheetSubject(context, sheetId), seq)).value;
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'not-found' || error.code === 'damaged')) {
      refuse(
        'not-found',
        fr`« ${name} » a été exporté depuis la version n°\u00a0${seq} de la fiche, que son historique ne contient pas (ou plus) : rien n’a été importé. Cette copie vient peut-être d’un autre dossier de fiches.`,
        { reason: 'unknown-revision', name, seq },
      );
    }
    throw error;
  }
}

/** The part of the sheet each analysed part lands on, with the reviewer's content of it. */
function reviewedParts(parts: Awaited<ReturnType<typeof analyseDocument>>['parts']): Map<PartKey, DocNode> {
  const found = new Map<PartKey, DocNode[]>();
  for (const part of parts) {
    const target = part.proposed;
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

function docAt(sheet: SheetFile, key: PartKey): DocNode | undefined {
  const [head, first, , third] = key.split('/');
  if (head === 'section') return sheet.sections[first as string];
  return sheet.microScenarios.scenarios[first as string]?.angles[third as string];
}

function withDoc(sheet: SheetFile, key: PartKey, doc: DocNode): SheetFile {
  const [head, first, , third] = key.split('/') as [string, string, string, string];
  if (head === 'section') return { ...sheet, sections: { ...sheet.sections, [first]: doc } };
  const scenarios = sheet.microScenarios.scenarios;
  const scenario = scenarios[first];
  if (!scenario) return sheet;
  return {
    ...sheet,
    microScenarios: {
      ...sheet.microScenarios,
      scenarios: { ...scenarios, [first]: { ...scenario, angles: { ...scenario.angles, [third]: doc } } },
    },
  };
}

interface Landed {
  next: SheetFile;
  comments: ReviewCommentFound[];
  changes: ReviewChangeFound[];
  warnings: string[];
  newThreads: number;
}

function land(
  template: SheetTemplate,
  doc: DocxDocument,
  marker: ReviewMarker,
  prefix: string,
  reviewed: Map<PartKey, DocNode>,
  exported: SheetFile,
  current: SheetFile,
  scope: LandingScope,
  now: string,
): Landed {
  const warnings: string[] = [];
  const reviewer = nameOf(doc.properties.lastModifiedBy);
  const date = doc.properties.modified ? isoOf(doc.properties.modified, now) : null;
  let untrackedCount = 0;
  let next: SheetFile = current;
  const landedDocs = new Map<PartKey, DocNode>();
  for (const [key, reviewedDoc] of reviewed) {
    const currentDoc = docAt(current, key);
    const exportedDoc = docAt(exported, key);
    if (!currentDoc || !exportedDoc) continue;
    if (key.startsWith('scenario/') && current.microScenarios.useFamily) {
      warnings.push(
        fr`La fiche montre les micro-scénarios de sa famille : les commentaires et modifications de « ${partTitle(template, key)} » ne sont pas importés ici.`,
      );
      continue;
    }
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
    landedDocs.set(key, landedDoc);
    next = withDoc(next, key, landedDoc);
  }
  const anchorsNow = new Map([...landedDocs].map(([key, landed]) => [key, anchorsOfDoc(landed)]));
  const anchorsThen = new Map([...reviewed].map(([key, reviewedDoc]) => [key, anchorsOfDoc(reviewedDoc)]));
  const place = (id: string) => {
    for (const [key, anchors] of anchorsNow) {
      const quote = anchors.comments.get(id);
      if (quote !== undefined) return { part: key, quote, anchored: true };
    }
    for (const [key, anchors] of anchorsThen) {
      const quote = anchors.comments.get(id);
      if (quote !== undefined) return { part: key, quote, anchored: false };
    }
    return { part: null, quote: '', anchored: false };
  };
  const fallbackPart: PartKey = `section/${template.sections[0]?.id ?? 'passe'}`;
  const threads = threadsOf(doc, marker, place, fallbackPart, now);
  const known = new Set(Object.keys(current.review.threads));
  const added = threads.filter(({ thread }) => !known.has(thread.id));
  next = {
    ...next,
    review: {
      ...next.review,
      threads: {
        ...next.review.threads,
        ...Object.fromEntries(added.map(({ thread }) => [thread.id, thread])),
      },
    },
  };
  const comments = threads.map(({ found }) => ({
    ...found,
    partTitle: found.part ? partTitle(template, found.part) : 'hors des parties de la fiche',
    known: known.has(found.id),
  }));
  const changes: ReviewChangeFound[] = [...anchorsNow].flatMap(([key, anchors]) =>
    anchors.suggestions
      .filter((suggestion) => suggestion.id.startsWith(`${prefix}-`))
      .map((suggestion) => ({
        id: suggestion.id,
        part: key,
        partTitle: partTitle(template, key),
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
  return { next, comments, changes, warnings, newThreads: added.length };
}

/** Whether a previous import of this very file left its threads or its suggestions in the sheet. */
function alreadyImported(sheet: SheetFile, prefix: string): boolean {
  if (Object.keys(sheet.review.threads).some((id) => id.startsWith(`${prefix}-`))) return true;
  const docs = [
    ...Object.values(sheet.sections),
    ...Object.values(sheet.microScenarios.scenarios).flatMap((scenario) => Object.values(scenario.angles)),
  ];
  return docs.some((doc) =>
    anchorsOfDoc(doc).suggestions.some((suggestion) => suggestion.id.startsWith(`${prefix}-`)),
  );
}

export async function importWordReview(
  context: RepositoryContext,
  request: { sheetId: string; name: string; bytes: Buffer; apply: ReviewApply },
): Promise<ReviewImportResult> {
  const { sheetId, name, bytes, apply } = request;
  requireVariable(await context.repository(), sheetId);
  const template = await context.template();
  const doc = readDocx(bytes, name);
  const seq = exportedRevisionOf(doc, sheetId);
  const exported = await exportedSheet(context, sheetId, seq, name);
  const prefix = `w${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`;
  const marker = new ReviewMarker(doc, prefix);
  const analysis = await analyseDocument(context, doc, bytes, marker);
  const reviewed = reviewedParts(analysis.parts);
  const service = historyOf(context);
  return context.queue.run(`sheet:${sheetId}`, async () => {
    const current = await requireSheet(context, sheetId);
    const now = service.now().toISOString();
    const again = alreadyImported(current, prefix);
    // What the file offers is listed in full; what is written is what `apply` asks for.
    const landAs = (scope: LandingScope) =>
      land(template, doc, marker, prefix, reviewed, exported, current, scope, now);
    const listed = landAs(again ? 'comments' : 'all');
    const scope: LandingScope = apply === 'comments' || again ? 'comments' : 'all';
    const landed = scope === 'all' || again ? listed : landAs(scope);
    const warnings = [...analysis.proposal.warnings, ...landed.warnings];
    if (again) {
      warnings.unshift(
        fr`Cette relecture a déjà été importée : seuls ses commentaires nouveaux sont ajoutés, ses modifications ne sont pas proposées une seconde fois.`,
      );
    }
    const result: ReviewImportResult = {
      fileName: name,
      sheetId,
      exportedRevision: seq,
      comments: listed.comments,
      changes: again ? [] : listed.changes,
      warnings,
      applied: 'none',
      before: null,
      after: null,
    };
    const changesToApply = scope === 'all' ? landed.changes.length : 0;
    if (apply === 'none' || landed.newThreads + changesToApply === 0) return result;
    const next = { ...landed.next, updatedAt: now };
    const parsed = sheetFileSchema.safeParse(next);
    const problem = parsed.success
      ? (docsProblem(next.sections, 'sections') ??
        scenariosProblem(next.microScenarios.scenarios, 'microScenarios.scenarios'))
      : parsed.error.issues[0]?.message;
    if (problem) {
      throw new AppFailure(
        'invalid-content',
        fr`La relecture « ${name} » ne peut pas être importée : ${problem}. La fiche n’a pas été modifiée.`,
        { sheetId, name },
      );
    }
    const before = (await service.record(current, { kind: 'import', source: name }, true)) as RevisionSummary;
    await writeSheet(context, next);
    const after = await service.recordSaved(next, { kind: 'imported', source: name }, true);
    return { ...result, applied: scope, before, after: after ?? null };
  });
}
