/**
 * The browser host's per-launch token arrives in the URL fragment (#token=…), never sent
 * to any server. It is read once, kept in sessionStorage so a reload still works, and
 * removed from the address bar so it does not end up in bookmarks or screenshots.
 */
const STORAGE_KEY = 'fiches.token';
const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

let token: string | null = null;

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

/** Takes the token out of the URL, if there; call once before the router reads the hash. */
export function captureSessionToken(): void {
  const match = TOKEN_IN_HASH.exec(window.location.hash);
  if (match?.[1]) {
    token = decodeURIComponent(match[1]);
    writeStorage(token);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}#/`);
  } else {
    token = readStorage();
  }
}

export function sessionToken(): string | null {
  return token;
}
