import { createStore } from '../../ui/store.js';

/**
 * Which sync dialog is open, if any: the sync bar shows it, and other places open it (the
 * desktop menu, the home view's first-start welcome).
 */
export type SyncDialog = 'share' | 'join' | 'settings' | { credentials: string } | null;

export const syncDialog = createStore<SyncDialog>(null);

export function openSyncDialog(dialog: SyncDialog): void {
  syncDialog.set(dialog);
}
