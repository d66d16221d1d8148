import { useState } from 'react';
import type { SyncStatusView } from '../../../shared/api/sync-contract.js';

/**
 * What the last sync has to say (a sheet deleted here and edited by a colleague came back…),
 * whether the user or the schedule ran it; shown until read.
 */
export function SyncNotes({ lastSync }: { lastSync: SyncStatusView['lastSync'] }) {
  const [read, setRead] = useState<string>();
  if (!lastSync?.notes?.length || read === lastSync.at) return null;
  return (
    <div className="sync-notes" role="status" data-testid="sync-notes">
      <ul>
        {lastSync.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-small"
        onClick={() => setRead(lastSync.at)}
        data-testid="sync-notes-close"
      >
        Compris
      </button>
    </div>
  );
}
