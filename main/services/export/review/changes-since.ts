import type { DocNode } from '../../../../shared/content/doc.js';
import type { SheetParts } from '../../../../shared/history/parts.js';
import { partsOfSheet } from '../../../../shared/history/parts.js';
import { redlineDoc, redlineLine, type ChangeStep } from '../../../../shared/history/redline.js';
import {
  angleKey,
  REVIEW_KEY,
  sectionKey,
  titleKey,
  type PartKey,
  type RevisionSummary,
} from '../../../../shared/model/history.js';
import type { Review, TitleMark } from '../../../../shared/model/review.js';
import type { Scenario, SheetFile } from '../../../../shared/model/sheet.js';
import { withoutSuggestions } from '../../../../shared/review/suggestions.js';
import { titleWithoutSuggestions } from '../../../../shared/review/title-marks.js';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';
import { titlesOf } from '../../history/queries.js';
import { historyOf } from '../../history/service.js';
import type { RevisionRef } from '../../history/sheet-history.js';
import type { RepositoryContext } from '../../repository/context.js';
import { versionsSince } from './versions-since.js';

/**
 * The export « avec les modifications depuis une version »: the sheet as it is now, each
 * section, scenario title and angle with what changed since the revision the user picked
 * (shared/history/redline.ts), every change signed by the revision that made it, a
 * colleague's brought by a sync included. The versions in between are read from the
 * history, each followed from the one it was made from (versions-since.ts); a damaged one
 * is skipped (its changes are then signed by the next readable revision) and reported. Pending suggestions are
 * left undone in every version, as every export prints them.
 */

export interface ChangesSince {
  /** The current sheet, its parts carrying insertion and deletion marks. */
  sheet: SheetFile;
  since: RevisionSummary;
  warnings: string[];
}

/** A version's parts with its pending suggestions undone. */
function settled(parts: SheetParts): SheetParts {
  const review = parts[REVIEW_KEY] as Review | undefined;
  const out: SheetParts = {};
  for (const [key, value] of Object.entries(parts)) {
    if (typeof value === 'string') {
      const hypothesis = /^scenario\/([^/]+)\/title$/.exec(key)?.[1];
      out[key] = hypothesis ? titleWithoutSuggestions(value, review?.titleMarks[hypothesis] ?? []) : value;
    } else if ((value as DocNode).type === 'doc') out[key] = withoutSuggestions(value as DocNode);
    else out[key] = value;
  }
  return out;
}

/** The title's comment marks moved to the merged title, and its changes as title marks. */
function titleWithChanges(
  versions: readonly (string | undefined)[],
  steps: readonly ChangeStep[],
  comments: readonly TitleMark[],
  changeId: () => string,
): { title: string; marks: TitleMark[] } {
  const { text, changes, offsetOf } = redlineLine(versions, steps);
  const marks: TitleMark[] = comments
    .filter((mark) => mark.type === 'comment')
    .map((mark) => ({ ...mark, from: offsetOf(mark.from), to: offsetOf(mark.to) }))
    .filter((mark) => mark.from < mark.to);
  for (const change of changes) {
    marks.push({
      type: change.kind,
      attrs: { id: changeId(), author: change.by.author.slice(0, 200), date: change.by.date },
      from: change.from,
      to: change.to,
    });
  }
  return { title: text, marks };
}

export async function sheetWithChangesSince(
  context: RepositoryContext,
  current: SheetFile,
  since: RevisionRef,
): Promise<ChangesSince> {
  const service = historyOf(context);
  const history = await service.sheet(current.id);
  const base = history.summaryOf(since);
  if (!base) {
    throw new AppFailure(
      'not-found',
      fr`La version n°\u00a0${String(since)} de la fiche « ${current.id} » n’existe pas : choisissez une version de son historique.`,
      { sheetId: current.id, revision: since },
    );
  }
  const titleOf = await titlesOf(context);
  const walked = await versionsSince(base, history.lineage(), async (summary) =>
    settled(await history.partsAt(summary.id, titleOf)),
  );
  const { versions, steps, warnings } = walked;
  // What was saved since the latest revision is the current author's, as of the last save.
  const { authorName } = await service.preferences.author();
  versions.push(partsOfSheet(current));
  steps.push({ author: authorName, date: current.updatedAt, from: walked.head });

  const docsOf = (key: PartKey) => versions.map((parts) => parts[key] as DocNode | undefined);
  const sections = Object.fromEntries(
    Object.keys(current.sections).map((id) => [id, redlineDoc(docsOf(sectionKey(id)), steps)]),
  );
  const titleMarks: Review['titleMarks'] = { ...current.review.titleMarks };
  const scenarios: Record<string, Scenario> = {};
  let changes = 0;
  const changeId = () => `chg-${(changes += 1)}`;
  if (!current.microScenarios.useFamily) {
    for (const [hypothesis, scenario] of Object.entries(current.microScenarios.scenarios)) {
      const title = titleWithChanges(
        versions.map((parts) => parts[titleKey(hypothesis)] as string | undefined),
        steps,
        current.review.titleMarks[hypothesis] ?? [],
        changeId,
      );
      titleMarks[hypothesis] = title.marks;
      scenarios[hypothesis] = {
        title: title.title,
        angles: Object.fromEntries(
          Object.keys(scenario.angles).map((angle) => [
            angle,
            redlineDoc(docsOf(angleKey(hypothesis, angle)), steps),
          ]),
        ),
      };
    }
  }
  return {
    sheet: {
      ...current,
      sections,
      microScenarios: {
        ...current.microScenarios,
        scenarios: current.microScenarios.useFamily ? current.microScenarios.scenarios : scenarios,
      },
      review: { ...current.review, titleMarks },
    },
    since: base,
    warnings,
  };
}
