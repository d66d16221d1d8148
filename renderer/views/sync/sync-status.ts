import { useSyncExternalStore } from 'react';
import type { SyncStatusView } from '../../../shared/api/sync-contract.js';
import { invoke } from '../../api/client.js';

/**
 * The state of the shared repository as the whole page sees it: read every few seconds
 * (the host computes it without the network), and right after anything that changes it.
 * Views that show what a sync may change (the home view, the open sheet) watch
 * `generation`: it moves when a sync brought colleagues' changes here.
 */
const POLL_MS = 4_000;

let status: SyncStatusView | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

export async function refreshSyncStatus(): Promise<SyncStatusView | null> {
  const result = await invoke('sync:status', {});
  if (result.ok) {
    status = result.value;
    for (const listener of [...listeners]) listener();
  }
  return status;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    void refreshSyncStatus();
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshSyncStatus();
    }, POLL_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useSyncStatus(): SyncStatusView | null {
  return useSyncExternalStore(subscribe, () => status);
}

/** Calls `onChange` whenever a sync brought changes (not on the first reading). */
export function watchSyncGeneration(onChange: () => void): () => void {
  let seen = status?.generation;
  const listener = () => {
    const now = status?.generation;
    if (seen !== undefined && now !== undefined && now !== seen) onChange();
    seen = now;
  };
  return subscribe(listener);
}
