/**
 * The browser host's key arrives in the URL fragment (#token=…), never sent to any server.
 * It is read once, kept in sessionStorage so a reload still works, and removed from the
 * address bar so it does not end up in bookmarks or screenshots. The key is the user's
 * and survives restarts of the host; when it changed, pasting the new address into the
 * same tab only changes the fragment: the page takes the new key without reloading, and
 * goes where the address leads (the home view), leaving an open sheet as any link does:
 * its last words are saved with the new key.
 */
const STORAGE_KEY = 'fiches.token';
const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

let token: string | null = null;
const listeners = new Set<() => void>();

function readStorage(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStorage(value: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Storage refused (private mode, file://): the token still lives in memory for this page.
  }
}

/** Takes the key out of a fragment, if there; the address bar then shows the home view's route. */
function takeToken(hash: string): boolean {
  const match = TOKEN_IN_HASH.exec(hash);
  if (!match?.[1]) return false;
  token = decodeURIComponent(match[1]);
  writeStorage(token);
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}#/`);
  return true;
}

/**
 * Takes the key out of the URL, if there, and listens for a new one; call once before the
 * router reads the hash, so this listener runs first and the router never sees the key.
 */
export function captureSessionToken(): void {
  if (!takeToken(window.location.hash)) token = readStorage();
  window.addEventListener('hashchange', () => {
    if (takeToken(window.location.hash)) for (const listener of [...listeners]) listener();
  });
}

export function sessionToken(): string | null {
  return token;
}

/** Called when a new key was pasted into the address bar. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
