import { desktopBridge } from '../api/bridge.js';

/**
 * Saves that must finish before anything reads the repository again: an open sheet
 * registers its flush here, so the home view (after leaving a sheet) and Electron (before
 * closing the window) wait for the last words to be on disk.
 */
type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();
const inFlight = new Set<Promise<unknown>>();

export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Keeps track of a save started by a view that is going away. */
export function trackSave(save: Promise<unknown>): void {
  inFlight.add(save);
  void save.finally(() => inFlight.delete(save));
}

export async function flushEverything(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush()));
  await Promise.all([...inFlight]);
}

let listening = false;

/** Electron asks the page to save before it closes or switches repository. */
export function answerHostFlushRequests(): void {
  if (listening) return;
  listening = true;
  desktopBridge()?.onFlushRequest(flushEverything);
}
