import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { IMPORT_MENU_COMMAND } from '../../../shared/api/import-contract.js';
import { onMenuCommand } from '../../app/menu-commands.js';
import { useStore } from '../../ui/store.js';
import { importRequest, openImport } from './import-files.js';
import { ImportDialog } from './ImportDialog.js';

/**
 * Shows the import dialog wherever it is asked for (the home view's button or a drop on
 * it, the desktop menu), above whatever view is on screen.
 */
export function ImportHost() {
  const request = useStore(importRequest);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === IMPORT_MENU_COMMAND) openImport();
      }),
    [],
  );
  if (!request) return null;
  return createPortal(
    <ImportDialog initialFiles={request.files} onClose={() => importRequest.set(null)} />,
    document.body,
  );
}

/** « Importer des fiches Word… » */
export function ImportButton() {
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => openImport()}
      data-testid="import-open"
    >
      Importer des fiches Word…
    </button>
  );
}
