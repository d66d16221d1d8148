import type { RevisionSummary } from '../../../shared/model/history.js';
import { pickOf, type RevisionPick } from '../history/history-ui.js';
import { VersionChoice } from './VersionChoice.js';

/** What an export for review adds to the Word file; none of it for publication. */
export interface ReviewChoiceValue {
  comments: boolean;
  /** The version whose changes since are shown as Word tracked changes; undefined: none. */
  changesSince: RevisionPick | undefined;
}

interface Props {
  /** Newest first, as the history lists them. */
  revisions: readonly RevisionSummary[];
  value: ReviewChoiceValue;
  onChange: (value: ReviewChoiceValue) => void;
}

/** The version proposed first: the latest named one (« Envoi au comité »), else the oldest. */
function proposedVersion(revisions: readonly RevisionSummary[]): RevisionPick | undefined {
  const readable = revisions.filter((revision) => !revision.damaged);
  const proposed = readable.find((revision) => revision.kind === 'named') ?? readable.at(-1);
  return proposed ? pickOf(proposed) : undefined;
}

/** « Pour une relecture » in Word: the comments, and the changes since a version the user picks. */
export function ReviewChoice({ revisions, value, onChange }: Props) {
  const withChanges = value.changesSince !== undefined;
  return (
    <fieldset className="export-fieldset" data-testid="export-review">
      <legend>Pour une relecture dans Word</legend>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={value.comments}
          onChange={(event) => onChange({ ...value, comments: event.target.checked })}
          data-testid="export-with-comments"
        />
        avec les commentaires
      </label>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={withChanges}
          disabled={revisions.length === 0}
          onChange={(event) =>
            onChange({
              ...value,
              changesSince: event.target.checked ? proposedVersion(revisions) : undefined,
            })
          }
          data-testid="export-with-changes"
        />
        avec les modifications depuis une version
      </label>
      {withChanges && (
        <VersionChoice
          revisions={revisions}
          value={value.changesSince}
          onChange={(changesSince) => onChange({ ...value, changesSince })}
          label="Depuis la version"
          testId="export-changes-since"
          withCurrent={false}
        />
      )}
      <p className="export-hint">
        {revisions.length === 0
          ? 'Cette fiche n’a pas encore de version enregistrée : les modifications ne peuvent pas être montrées.'
          : 'Les commentaires deviennent des commentaires Word ; les modifications, des modifications suivies à accepter ou refuser, avec l’auteur et la date de chaque version. Sans ces options, le fichier est prêt à publier.'}
      </p>
    </fieldset>
  );
}
