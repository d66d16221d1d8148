import path from 'node:path';
import type { ReviewImportResult } from '../../shared/api/review-contract.js';
import { idSchema } from '../../shared/model/ids.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { defaultRepositoryPath, openRepository, openRepositoryForReading } from '../services/index.js';
import { plural } from '../../shared/plural.js';
import { changedText, suggestionKindLabels } from '../../shared/review/labels.js';
import { readDocxFile } from './import.js';
import { UsageError } from './options.js';

export interface ReviewCommandOptions {
  repo: string | undefined;
  sheet: string | undefined;
  files: string[];
  /** Attach the comments as threads; the changes are accepted only in the interface. */
  applyComments: boolean;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

function lines(result: ReviewImportResult): string[] {
  const out: string[] = [];
  for (const comment of result.comments) {
    const state = [
      comment.replies > 0 ? plural(comment.replies, 'réponse') : '',
      comment.resolved ? 'résolu' : '',
      comment.anchored ? '' : 'texte supprimé',
      comment.known ? 'déjà dans la fiche' : '',
      comment.known && comment.newReplies > 0
        ? plural(comment.newReplies, 'nouvelle réponse', 'nouvelles réponses')
        : '',
    ].filter(Boolean);
    out.push(
      fr`commentaire [${comment.partTitle}] « ${oneLine(comment.quote)} » — ${comment.author} : ${oneLine(comment.text)}` +
        (state.length > 0 ? ` (${state.join(', ')})` : ''),
    );
  }
  for (const change of result.changes) {
    const kind = suggestionKindLabels[change.kind].toLowerCase();
    const tracked = change.tracked ? 'suivi' : 'non suivi';
    out.push(fr`${kind} ${tracked} [${change.partTitle}] « ${changedText(change.text)} » — ${change.author}`);
  }
  for (const warning of result.warnings) out.push(fr`à vérifier : ${warning}`);
  const tracked = result.changes.filter((change) => change.tracked).length;
  const untracked = result.changes.length - tracked;
  const family = result.family
    ? fr` et de la version n°\u00a0${result.family.exportedRevision} des micro-scénarios partagés`
    : '';
  const counts = fr`${plural(result.comments.length, 'commentaire')}, ${plural(result.changes.length, 'modification')} (${tracked} suivie${tracked > 1 ? 's' : ''}, ${untracked} non suivie${untracked > 1 ? 's' : ''}), relecture de la version n°\u00a0${result.exportedRevision} de la fiche${family}`;
  out.push(
    result.applied === 'none'
      ? fr`${counts} ; rien n’a été appliqué.`
      : fr`${counts} ; commentaires attachés (${attachedTo(result).join(', ')}) ; les modifications s’acceptent dans l’interface (« Relecture »).`,
  );
  return out;
}

/** « à la fiche, version n° 12 », « aux micro-scénarios partagés de la famille, version n° 4 »: where the comments went. */
function attachedTo(result: ReviewImportResult): string[] {
  return [
    ...(result.after ? [fr`à la fiche, version n°\u00a0${result.after.seq}`] : []),
    ...(result.family?.after
      ? [fr`aux micro-scénarios partagés de la famille, version n°\u00a0${result.family.after.seq}`]
      : []),
  ];
}

/**
 * `fiches review --sheet ID FICHIER.docx`: the comments and changes a reviewer's copy of
 * the sheet holds, one line each, then a summary; `--apply-comments` attaches the comments
 * (the changes are decided in the interface only). One stderr line and exit 1 when the
 * file cannot be taken (another sheet's copy, an unknown revision, not a Word file).
 */
export async function reviewCommand(options: ReviewCommandOptions): Promise<number> {
  if (options.sheet === undefined) throw new UsageError('indiquez la fiche relue avec --sheet ID');
  const sheet = idSchema.safeParse(options.sheet);
  if (!sheet.success) throw new UsageError(fr`identifiant invalide pour --sheet « ${options.sheet} »`);
  if (options.files.length !== 1) throw new UsageError('indiquez un seul fichier .docx, la copie relue');
  const file = options.files[0] as string;
  const repo = path.resolve(options.repo ?? defaultRepositoryPath());
  // Listing writes nothing: it reads beside the app or `fiches serve` holding the repository.
  const session = options.applyComments
    ? await openRepository(repo, { create: 'never' })
    : await openRepositoryForReading(repo);
  try {
    const bytes = await readDocxFile(file);
    const result = await session.handlers['review:import']({
      sheetId: sheet.data,
      name: path.basename(file),
      base64: bytes.toString('base64'),
      apply: options.applyComments ? 'comments' : 'none',
    });
    process.stdout.write(`${lines(result).join('\n')}\n`);
    return 0;
  } catch (caught) {
    if (!(caught instanceof AppFailure)) throw caught;
    process.stderr.write(fr`fiches : ${file} : ${oneLine(caught.message)}\n`);
    return 1;
  } finally {
    await session.close();
  }
}
