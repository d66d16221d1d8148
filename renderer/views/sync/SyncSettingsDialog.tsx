import { useState } from 'react';
import type { SyncStatusView } from '../../../shared/api/sync-contract.js';
import { invoke } from '../../api/client.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { refreshSyncStatus } from './sync-status.js';

/** When this copy syncs by itself: every few minutes while open, and when closing. Kept on this computer. */
export function SyncSettingsDialog({ status, onClose }: { status: SyncStatusView; onClose: () => void }) {
  const [settings, setSettings] = useState(status.settings);
  const [error, setError] = useState<string>();

  const save = async () => {
    const result = await invoke('sync:settings', settings);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    await refreshSyncStatus();
    onClose();
  };

  return (
    <Dialog title="Synchronisation" onClose={onClose} testId="sync-settings-dialog">
      <div className="dialog-body sync-form">
        <p className="muted">
          Dépôt partagé&nbsp;: <code>{status.remote}</code>
        </p>
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={settings.auto}
            onChange={(event) => setSettings({ ...settings, auto: event.target.checked })}
            data-testid="sync-setting-auto"
          />{' '}
          Synchroniser toutes les{' '}
          <input
            className="input input-number"
            type="number"
            min={1}
            max={240}
            value={settings.intervalMinutes}
            onChange={(event) =>
              setSettings({
                ...settings,
                intervalMinutes: Math.min(240, Math.max(1, Number(event.target.value) || 1)),
              })
            }
            data-testid="sync-setting-interval"
          />{' '}
          minutes, tant que le dépôt est ouvert
        </label>
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={settings.onClose}
            onChange={(event) => setSettings({ ...settings, onClose: event.target.checked })}
            data-testid="sync-setting-on-close"
          />{' '}
          Synchroniser à la fermeture
        </label>
        {error && <ErrorNotice message={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void save()}
            data-testid="sync-settings-save"
          >
            Enregistrer
          </button>
        </div>
      </div>
    </Dialog>
  );
}
