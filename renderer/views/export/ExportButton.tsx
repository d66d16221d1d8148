import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { exportFormats, type ExportFormat } from '../../../shared/api/export-contract.js';
import { onMenuCommand } from '../../app/menu-commands.js';
import { ExportDialog } from './ExportDialog.js';
import './export.css';

interface Props {
  /** The sheet on screen; absent on the home view (the whole collection is proposed). */
  current?: { id: string; name: string };
}

/**
 * « Exporter… »: opens the export dialog, from this button or from the desktop menu
 * (Fichier › Exporter › Word…), for what the view shows.
 */
export function ExportButton({ current }: Props) {
  const [format, setFormat] = useState<ExportFormat>();

  useEffect(
    () =>
      onMenuCommand((command) => {
        const asked = exportFormats.find((candidate) => command === `export:${candidate}`);
        if (asked) setFormat(asked);
      }),
    [],
  );

  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setFormat(exportFormats[0])}
        data-testid="export-open"
      >
        Exporter…
      </button>
      {/* In the body, not in the toolbar or header that holds the button: their styles stay out of the dialog. */}
      {format &&
        createPortal(
          <ExportDialog format={format} current={current} onClose={() => setFormat(undefined)} />,
          document.body,
        )}
    </>
  );
}
