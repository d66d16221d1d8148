import { HELLO_PATH, SESSION_HEADER, shakeHands } from '../../../shared/api/web-auth.js';

/**
 * For tests and scripts in Node: the headers an API request of the browser host needs,
 * after the same handshake a page does (shared/api/web-auth.ts).
 */
export async function sessionHeaders(origin: string, key: string): Promise<Record<string, string>> {
  const outcome = await shakeHands(key, origin, async (body) => {
    const response = await fetch(`${origin}${HELLO_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    return response.json();
  });
  if (!outcome.ok) throw new Error(`handshake with ${origin} failed: ${outcome.reason}`);
  return { [SESSION_HEADER]: outcome.session };
}
