import type { SheetPatch } from '../../../shared/api/contract.js';
import { parsePartKey } from '../../../shared/model/history.js';
import {
  REVIEW_LIMITS,
  type CommentThread,
  type Review,
  type ReviewOwner,
} from '../../../shared/model/review.js';
import type { Scenarios } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { mergeThread, mergeTitleMarks } from '../../../shared/merge/review.js';
import { same } from '../../../shared/merge/values.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/**
 * The review part of sheets:update and families:update: the threads the patch names
 * replace theirs whole (null deletes one), the title marks it names replace theirs (both
 * merged instead when a sync changed them since the editor read them). What
 * the interface never sends is refused, so a faulty client cannot rewrite who said what: a
 * thread or a reply keeps its author, its date and its part; a thread is about a part the
 * template has, and a family's about one of its shared micro-scenarios' titles and angles;
 * a title's marks stay inside the title. The limits (REVIEW_LIMITS) bound what is added: a
 * review a sync's union took past them is saved as it is, resolved, edited, emptied, but
 * grows no further (reviewGrowthProblem, which the Word import checks too).
 */

function refuse(message: string, details: Record<string, unknown>): never {
  throw new AppFailure('invalid-request', message, details);
}

function checkPart(template: SheetTemplate, thread: CommentThread, owner: ReviewOwner): void {
  const parsed = parsePartKey(thread.part);
  const { hypotheses, angles } = template.microScenarios;
  const known =
    parsed?.kind === 'section'
      ? owner === 'sheet' && template.sections.some((section) => section.id === parsed.section)
      : parsed?.kind === 'title' || parsed?.kind === 'angle'
        ? hypotheses.some((hypothesis) => hypothesis.id === parsed.hypothesis) &&
          (parsed.kind === 'title' || angles.some((angle) => angle.id === parsed.angle))
        : false;
  if (!known) {
    refuse(
      owner === 'sheet'
        ? fr`Le commentaire « ${thread.id} » porte sur une partie que le modèle de fiche n’a pas (« ${thread.part} »).`
        : fr`Le commentaire « ${thread.id} » porte sur une partie que les micro-scénarios partagés de la famille n’ont pas (« ${thread.part} ») : seuls leurs titres et leurs angles se commentent.`,
      {
        thread: thread.id,
        part: thread.part,
      },
    );
  }
}

function checkUnchangedIdentity(before: CommentThread, after: CommentThread): void {
  const moved =
    before.author !== after.author || before.at !== after.at || before.part !== after.part
      ? 'son auteur, sa date et sa partie ne changent pas'
      : undefined;
  const replies = new Map(before.replies.map((reply) => [reply.id, reply]));
  const reply = after.replies.find((candidate) => {
    const known = replies.get(candidate.id);
    return known !== undefined && (known.author !== candidate.author || known.at !== candidate.at);
  });
  const problem = moved ?? (reply ? 'une réponse garde son auteur et sa date' : undefined);
  if (problem) {
    refuse(fr`Modification refusée du fil de commentaires « ${after.id} » : ${problem}.`, {
      thread: after.id,
    });
  }
}

/** What `after` adds past the limits that `before` kept to, in French; undefined when nothing does. */
export function reviewGrowthProblem(before: Review, after: Review): string | undefined {
  const { threads, replies, titleMarks } = REVIEW_LIMITS;
  const count = Object.keys(after.threads).length;
  const had = Object.keys(before.threads).length;
  if (count > threads && count > had) {
    return fr`Une fiche compte au plus ${threads} fils de commentaires : supprimez-en avant d’en ajouter.`;
  }
  for (const thread of Object.values(after.threads)) {
    const earlier = before.threads[thread.id]?.replies.length ?? 0;
    if (thread.replies.length <= replies || thread.replies.length <= earlier) continue;
    return earlier >= replies
      ? fr`Un fil compte au plus ${replies} réponses : celui-ci en a ${earlier}${earlier > replies ? ' (réunies par une synchronisation)' : ''}, il ne peut plus en recevoir.`
      : fr`Un fil compte au plus ${replies} réponses.`;
  }
  for (const [hypothesis, marks] of Object.entries(after.titleMarks)) {
    if (marks.length > titleMarks && marks.length > (before.titleMarks[hypothesis]?.length ?? 0)) {
      return fr`Un titre de micro-scénario porte au plus ${titleMarks} marques (commentaires et modifications proposées).`;
    }
  }
  return undefined;
}

/**
 * A thread or a title's marks sent by an editor that missed a sync's change to them (their
 * base differs from the file): merged as a sync merges them (shared/merge/review.ts), so a
 * colleague's reply, edit or mark that arrived meanwhile stays; a thread deleted here but
 * answered there stays too. Undefined: nothing to merge, what was sent replaces the file's.
 */
function rebased<T>(base: T | undefined, current: T, merge: (base: T) => T): { value: T } | undefined {
  if (base === undefined || same(base, current)) return undefined;
  return { value: merge(base) };
}

function rebasedThread(
  base: CommentThread | null | undefined,
  sent: CommentThread | null,
  current: CommentThread | undefined,
): { value: CommentThread | null } | undefined {
  return rebased(base, current ?? null, (known) => {
    if (sent === null) return current ?? null;
    if (current === undefined) return sent;
    return mergeThread(known ?? undefined, sent, current);
  });
}

function mergeThreads(
  template: SheetTemplate,
  current: Record<string, CommentThread>,
  patch: Record<string, CommentThread | null>,
  bases: Record<string, CommentThread | null>,
  owner: ReviewOwner,
  onMerged: () => void,
): Record<string, CommentThread> {
  const threads = { ...current };
  for (const [id, sent] of Object.entries(patch)) {
    const merged = rebasedThread(bases[id], sent, current[id]);
    if (merged) onMerged();
    const thread = merged ? merged.value : sent;
    if (thread === null) {
      delete threads[id];
      continue;
    }
    if (thread.id !== id) {
      refuse(fr`Le fil de commentaires « ${thread.id} » est envoyé sous l’identifiant « ${id} ».`, {
        thread: id,
      });
    }
    checkPart(template, thread, owner);
    const before = current[id];
    if (before) checkUnchangedIdentity(before, thread);
    threads[id] = thread;
  }
  return threads;
}

function mergeTitleMarksPatch(
  template: SheetTemplate,
  current: Review['titleMarks'],
  patch: NonNullable<SheetPatch['titleMarks']>,
  bases: Review['titleMarks'],
  titles: { before: Scenarios; after: Scenarios },
  onMerged: () => void,
): Review['titleMarks'] {
  const titleMarks = { ...current };
  for (const [hypothesis, sent] of Object.entries(patch)) {
    if (!template.microScenarios.hypotheses.some((known) => known.id === hypothesis)) {
      refuse(fr`Hypothèse inconnue « ${hypothesis} » pour les marques d’un titre.`, { hypothesis });
    }
    const title = titles.after[hypothesis]?.title ?? '';
    if (sent.some((mark) => mark.to > title.length)) {
      refuse(
        fr`Une marque du titre de l’hypothèse « ${hypothesis} » dépasse la fin du titre (${title.length} caractères).`,
        {
          hypothesis,
        },
      );
    }
    // The marks the editor sent are offsets into the title it sent (or kept).
    const theirTitle = titles.before[hypothesis]?.title ?? '';
    const merged = rebased(bases[hypothesis], current[hypothesis] ?? [], (base) =>
      mergeTitleMarks(base, sent, current[hypothesis] ?? [], {
        ours: title,
        theirs: theirTitle,
        merged: title,
      }),
    );
    if (merged) onMerged();
    const marks = merged ? merged.value : sent;
    if (marks.length > 0) titleMarks[hypothesis] = marks;
    else delete titleMarks[hypothesis];
  }
  return titleMarks;
}

/**
 * The review of a sheet (or of a family's shared micro-scenarios) once `patch` applied;
 * `current` is what the file holds, `scenarios` its scenarios after the same patch.
 * `merged`: a thread or a title's marks were merged with a sync's change the editor had
 * not seen.
 */
export function mergeReview(
  template: SheetTemplate,
  current: { review: Review; scenarios: Scenarios },
  patch: Pick<SheetPatch, 'threads' | 'titleMarks' | 'base'>,
  scenarios: Scenarios,
  owner: ReviewOwner,
): { review: Review; merged: boolean } {
  const { review } = current;
  if (!patch.threads && !patch.titleMarks) return { review, merged: false };
  let merged = false;
  const onMerged = () => {
    merged = true;
  };
  const next: Review = {
    threads: patch.threads
      ? mergeThreads(template, review.threads, patch.threads, patch.base?.threads ?? {}, owner, onMerged)
      : review.threads,
    titleMarks: patch.titleMarks
      ? mergeTitleMarksPatch(
          template,
          review.titleMarks,
          patch.titleMarks,
          patch.base?.titleMarks ?? {},
          { before: current.scenarios, after: scenarios },
          onMerged,
        )
      : review.titleMarks,
  };
  const problem = reviewGrowthProblem(review, next);
  if (problem) refuse(problem, { limits: REVIEW_LIMITS });
  return { review: next, merged };
}
