import { HELLO_PATH, shakeHands } from '../../shared/api/web-auth.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { sessionToken } from './token.js';

/**
 * The page's side of shared/api/web-auth.ts: shake hands with the host once per launch,
 * check that it holds the key, and keep the session every request then carries. The key
 * itself never leaves the page.
 */

export const UNREACHABLE =
  'Fiches ne répond pas\u00a0: le serveur («\u00a0fiches serve\u00a0») est arrêté ou redémarre.';

export const NO_KEY =
  'Cette page n’a pas la clé de Fiches\u00a0: ouvrez dans cet onglet l’adresse complète qu’affiche «\u00a0fiches serve\u00a0» (elle finit par #token=…).';

export const WRONG_HOST =
  'Le serveur qui répond à cette adresse n’a pas la clé de cette page (Fiches a été relancé avec une autre clé, ou ce n’est pas Fiches)\u00a0: collez dans cet onglet l’adresse complète qu’affiche «\u00a0fiches serve\u00a0».';

let current: { token: string; session: Promise<Result<string>> } | undefined;

async function handshake(token: string): Promise<Result<string>> {
  const outcome = await shakeHands(token, window.location.origin, async (body) => {
    const response = await fetch(HELLO_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    return response.json().catch(() => undefined);
  });
  if (outcome.ok) return ok(outcome.session);
  return outcome.reason === 'unreachable' ? fail('unreachable', UNREACHABLE) : fail('forbidden', WRONG_HOST);
}

/**
 * The session for the host's current launch: shaken hands once and shared by every
 * request until forgotten. A failed handshake is not kept: the next request tries again.
 */
export function hostSession(): Promise<Result<string>> {
  const token = sessionToken();
  if (!token) return Promise.resolve(fail('forbidden', NO_KEY));
  if (current?.token !== token) {
    const session = handshake(token).catch(() => fail<string>('forbidden', WRONG_HOST));
    current = { token, session };
    void session.then((result) => {
      if (!result.ok && current?.session === session) current = undefined;
    });
  }
  return current.session;
}

/** The host went away or refused the session (it restarted): the next request shakes hands again. */
export function forgetHostSession(): void {
  current = undefined;
}
