import { useEffect, useEffectEvent, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AppError } from '../../../shared/result.js';
import { desktopBridge } from '../../api/bridge.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { useStore } from '../../ui/store.js';
import { CredentialsDialog } from './CredentialsDialog.js';
import { JoinDialog } from './JoinDialog.js';
import { ShareDialog } from './ShareDialog.js';
import { refreshSyncStatus, useSyncStatus } from './sync-status.js';
import { openSyncDialog, syncDialog } from './sync-dialogs.js';
import { SyncNotes } from './SyncNotes.js';
import { SyncSettingsDialog } from './SyncSettingsDialog.js';
import './sync.css';

/**
 * « Synchroniser », in the application bar, with the state always visible (« À jour »,
 * « 3 fiches modifiées à envoyer », « Hors ligne : … », « Conflit à résoudre dans 1 fiche »).
 * Before a repository is shared: « Partager ce dépôt… » and « Rejoindre un dépôt partagé… ».
 * The desktop menu (Fichier) opens the same dialogs.
 */
export function SyncBar() {
  const status = useSyncStatus();
  const open = useStore(syncDialog);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<AppError>();

  const sync = async () => {
    setRunning(true);
    setFailure(undefined);
    // What was just typed goes with this sync.
    await flushEverything();
    const result = await invoke('sync:run', {});
    setRunning(false);
    await refreshSyncStatus();
    if (result.ok) return;
    if (result.error.code === 'unauthorized') openSyncDialog({ credentials: result.error.message });
    else setFailure(result.error);
  };

  // The menu's « Synchroniser » runs the latest `sync` without subscribing again.
  const syncFromMenu = useEffectEvent(() => void sync());
  useEffect(
    () =>
      desktopBridge()?.onMenuCommand?.((command) => {
        if (command === 'sync:share') openSyncDialog('share');
        else if (command === 'sync:join') openSyncDialog('join');
        else if (command === 'sync:run') syncFromMenu();
      }),
    [],
  );

  if (!status) return null;
  const dialogs = open && (
    <>
      {open === 'share' && (
        <ShareDialog onClose={() => openSyncDialog(null)} onShared={() => void refreshSyncStatus()} />
      )}
      {open === 'join' && <JoinDialog onClose={() => openSyncDialog(null)} />}
      {open === 'settings' && <SyncSettingsDialog status={status} onClose={() => openSyncDialog(null)} />}
      {typeof open === 'object' && open && (
        <CredentialsDialog
          reason={open.credentials}
          onClose={() => openSyncDialog(null)}
          onGiven={() => {
            openSyncDialog(null);
            void sync();
          }}
        />
      )}
    </>
  );
  return (
    <div className="sync-bar" data-testid="sync-bar">
      {status.shared ? (
        <>
          <span
            className={`sync-state sync-state-${running ? 'syncing' : status.state}`}
            role="status"
            title={failure?.message ?? status.lastSync?.message ?? status.remote}
            data-testid="sync-state"
          >
            {running ? 'Synchronisation…' : status.label}
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => void sync()}
            disabled={running}
            data-testid="sync-run"
          >
            Synchroniser
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => openSyncDialog('settings')}
            aria-label="Réglages de la synchronisation"
            data-testid="sync-settings"
          >
            Réglages
          </button>
          {failure && (
            <span className="sync-failure" role="alert" data-testid="sync-failure">
              {failure.message}
            </span>
          )}
          <SyncNotes lastSync={status.lastSync} />
        </>
      ) : (
        <>
          <button
            type="button"
            className="button button-small"
            onClick={() => openSyncDialog('share')}
            data-testid="sync-share"
          >
            Partager ce dépôt…
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => openSyncDialog('join')}
            data-testid="sync-join"
          >
            Rejoindre un dépôt partagé…
          </button>
        </>
      )}
      {dialogs && createPortal(dialogs, document.body)}
    </div>
  );
}
