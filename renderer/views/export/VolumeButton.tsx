import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { VOLUME_MENU_COMMAND } from '../../../shared/api/bridge.js';
import { onMenuCommand } from '../../app/menu-commands.js';
import { VolumeDialog } from './VolumeDialog.js';
import './export.css';

/** « Publier le recueil… » on the home view, also opened by Fichier › Exporter › Recueil…. */
export function VolumeButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => onMenuCommand((command) => command === VOLUME_MENU_COMMAND && setOpen(true)), []);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        data-testid="volume-open"
      >
        Publier le recueil…
      </button>
      {open && createPortal(<VolumeDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
