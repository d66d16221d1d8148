import { revisionKindLabels, type RevisionSummary } from '../../../shared/model/history.js';
import { formatDateTime } from '../../ui/format.js';
import { pickOf, type RevisionPick } from '../history/history-ui.js';

interface Props {
  /** Newest first, as the history lists them. */
  revisions: readonly RevisionSummary[];
  value: RevisionPick | undefined;
  onChange: (revision: RevisionPick | undefined) => void;
  label?: string;
  testId?: string;
  /** Offers the sheet as it is now (« État actuel »), chosen by undefined. */
  withCurrent?: boolean;
}

/** The sheet as it is now, or one of its recorded versions. */
export function VersionChoice({
  revisions,
  value,
  onChange,
  label = 'Version',
  testId = 'export-version',
  withCurrent = true,
}: Props) {
  return (
    <label className="field export-version">
      <span className="field-label">{label}</span>
      <select
        className="input"
        value={value === undefined ? '' : value.id}
        onChange={(event) => {
          const chosen = revisions.find((revision) => revision.id === event.target.value);
          onChange(chosen ? pickOf(chosen) : undefined);
        }}
        data-testid={testId}
      >
        {withCurrent && <option value="">État actuel</option>}
        {revisions
          .filter((revision) => !revision.damaged)
          .map((revision) => (
            <option key={revision.id} value={revision.id}>
              {`n°\u00a0${revision.seq} — ${revision.name ?? revisionKindLabels[revision.kind]} — ${formatDateTime(revision.at)}`}
            </option>
          ))}
      </select>
    </label>
  );
}
