import { useState } from 'react';
import type { RevisionPick } from '../history/history-ui.js';
import { PreviewDialog } from './PreviewDialog.js';

interface Props {
  sheetId: string;
  name: string;
  revision?: RevisionPick;
}

/** « Aperçu avant impression », next to « Exporter… » in the sheet view and the revision view. */
export function PreviewButton({ sheetId, name, revision }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        data-testid="preview-open"
      >
        Aperçu avant impression
      </button>
      {open && (
        <PreviewDialog sheetId={sheetId} name={name} revision={revision} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
