import { REVISION_ID_PATTERN, type RevisionSummary } from '../../../shared/model/history.js';
import type { ReviewOwner } from '../../../shared/model/review.js';
import { AppFailure } from '../../../shared/result.js';
import type { DocxDocument } from '../docx-read/model.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { fr } from '../french.js';
import { revisionOf } from '../history/queries.js';
import { historyOf } from '../history/service.js';
import type { RevisionLineage } from '../history/sheet-history.js';
import { familySubject, sheetSubject, type HistorySubject } from '../history/subjects.js';
import type { RepositoryContext } from '../repository/context.js';

/**
 * Which sheet, and which revision of it, a reviewer's copy was exported from, and when it
 * printed its family's shared micro-scenarios, which revision of theirs: what its custom
 * properties say (export/docx/review-properties.ts), checked against this sheet and its
 * family and found in their histories. A copy of another sheet, of a revision a history
 * does not hold (another repository's, or a colleague's not synced yet), or one naming its
 * revision by a number that may have moved since, is refused with the reason.
 */

type NamedRevision =
  | { kind: 'found'; revision: RevisionSummary }
  | { kind: 'unknown' }
  /** A number that another revision may have taken since the export: which one is meant cannot be told. */
  | { kind: 'ambiguous'; seq: number };

/**
 * The revision a reviewer's copy names (its FichesRevision or FichesFamilyRevision property): an id; or, in a file
 * exported before ids were written, a number as listed then. A number is taken only when it
 * names a revision written before the repository was shared: those keep their numbers for
 * ever, on every copy. Any later number may have moved since the export.
 */
function namedRevision(lineage: readonly RevisionLineage[], value: string): NamedRevision {
  if (REVISION_ID_PATTERN.test(value)) {
    const found = lineage.find(({ summary }) => summary.id === value);
    return found ? { kind: 'found', revision: found.summary } : { kind: 'unknown' };
  }
  if (!/^[1-9][0-9]{0,15}$/.test(value)) return { kind: 'unknown' };
  const seq = Number(value);
  const listed = lineage.find(({ summary }) => summary.seq === seq);
  if (!listed) return { kind: 'unknown' };
  return listed.writer === null ? { kind: 'found', revision: listed.summary } : { kind: 'ambiguous', seq };
}

function refuse(
  code: 'invalid-request' | 'not-found',
  message: string,
  details: Record<string, unknown>,
): never {
  throw new AppFailure(code, message, details);
}

/** What the copy says of the revision it was exported from, once it is known to be a copy of this sheet. */
function revisionProperty(doc: DocxDocument, sheetId: string): string {
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
  const revision = custom[REVIEW_PROPERTY.revision]?.trim();
  if (!revision) {
    refuse(
      'invalid-request',
      fr`« ${name} » ne dit pas de quelle version de la fiche il est la copie : rien n’a été importé. Exportez de nouveau la fiche pour la relecture.`,
      { reason: 'no-revision', name },
    );
  }
  return revision;
}

/** Whose revision a property names, in the refusals' French. */
const WHOSE: Record<ReviewOwner, { of: string; history: string }> = {
  sheet: { of: 'de la fiche', history: 'son historique' },
  family: { of: 'des micro-scénarios partagés de la famille', history: 'leur historique' },
};

/** A copy of a revision this history does not hold: another repository's, or a colleague's not synced yet. */
function unknownRevision(name: string, value: string, owner: ReviewOwner): never {
  const version = /^\d+$/.test(value) ? fr`la version n°\u00a0${value}` : fr`la version « ${value} »`;
  const whose = WHOSE[owner];
  refuse(
    'not-found',
    fr`« ${name} » a été exporté depuis ${version} ${whose.of}, que ${whose.history} ne contient pas (ou plus) : rien n’a été importé. Si la fiche est partagée, synchronisez pour recevoir les versions de vos collègues ; sinon, cette copie vient peut-être d’un autre dossier de fiches.`,
    { reason: 'unknown-revision', name, revision: value, owner },
  );
}

/** The revision the copy was exported from and the subject as it held it; refused when the history cannot tell which. */
async function exportedValue<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  owner: ReviewOwner,
  value: string,
  name: string,
): Promise<{ revision: RevisionSummary; value: T }> {
  const named = namedRevision((await historyOf(context).history(subject.target)).lineage(), value);
  if (named.kind === 'ambiguous') {
    refuse(
      'invalid-request',
      fr`« ${name} » nomme la version ${WHOSE[owner].of} dont il est la copie par son numéro (n°\u00a0${named.seq}), qu’une synchronisation a pu donner depuis à une autre version : rien n’a été importé. Exportez de nouveau la fiche pour la relecture.`,
      { reason: 'ambiguous-revision', name, seq: named.seq, owner },
    );
  }
  if (named.kind === 'unknown') unknownRevision(name, value, owner);
  try {
    return await revisionOf(context, subject, named.revision.id);
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'not-found' || error.code === 'damaged')) {
      unknownRevision(name, value, owner);
    }
    throw error;
  }
}

/** The revision a reviewer's copy was exported from, and the sheet as that revision held it. */
export async function copyOrigin(context: RepositoryContext, doc: DocxDocument, sheetId: string) {
  const subject = await sheetSubject(context, sheetId);
  const found = await exportedValue(context, subject, 'sheet', revisionProperty(doc, sheetId), doc.fileName);
  return { subject, revision: found.revision, exported: found.value };
}

/**
 * The revision of the family's shared micro-scenarios the copy printed, and them as it held
 * them: undefined when it printed none (the sheet showed its own), or when it is older than
 * the property. A copy naming another family (the sheet changed family since) is refused.
 */
export async function familyCopyOrigin(context: RepositoryContext, doc: DocxDocument, familyId: string) {
  const custom = doc.properties.custom;
  const family = custom[REVIEW_PROPERTY.family];
  if (family === undefined) return undefined;
  const name = doc.fileName;
  const revision = custom[REVIEW_PROPERTY.familyRevision]?.trim();
  if (family !== familyId || !revision) {
    refuse(
      'invalid-request',
      fr`« ${name} » ne dit pas de quelle version des micro-scénarios partagés de la famille de la fiche il est la copie (la fiche a peut-être changé de famille depuis l’export) : rien n’a été importé. Exportez de nouveau la fiche pour la relecture.`,
      { reason: 'no-family-revision', name, family },
    );
  }
  const subject = await familySubject(context, familyId);
  const found = await exportedValue(context, subject, 'family', revision, name);
  return { subject, revision: found.revision, exported: found.value };
}
