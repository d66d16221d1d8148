import { z } from 'zod';

/**
 * How a page of the browser host proves it holds the user's key, and the host proves it
 * holds it too, without the key ever crossing the wire. The key is kept per user (it
 * survives a restart of `fiches serve`, so an open tab goes on saving), which is why it
 * must never be sent: while the host is stopped, anyone on the machine may listen on its
 * port, and an open tab keeps trying to save.
 *
 * 1. The page sends a fresh nonce to POST /auth/hello.
 * 2. The host answers its launch id and HMAC(key, hostProof(origin, launch, nonce)). The
 *    page checks it before it sends anything else: a listener without the key cannot
 *    forge it, and one relaying to the real host gets a proof for another origin.
 * 3. Every API request then carries HMAC(key, session(origin, launch)): valid for this
 *    launch and this origin only, so a copy is worth nothing after a restart.
 * Both sides compute HMAC-SHA-256 over these texts, base64url, the key's text as its bytes.
 */
export const HELLO_PATH = '/auth/hello';
export const SESSION_HEADER = 'X-Fiches-Session';

/** 32 random bytes in base64url: the key, the launch id and the page's nonce alike. */
export const RANDOM_ID = /^[A-Za-z0-9_-]{43}$/;

export const helloRequestSchema = z.object({ nonce: z.string().regex(RANDOM_ID) }).strict();
export const helloResponseSchema = z.object({
  launch: z.string().regex(RANDOM_ID),
  proof: z.string().regex(RANDOM_ID),
});

export type HelloResponse = z.infer<typeof helloResponseSchema>;

export function hostProofText(origin: string, launch: string, nonce: string): string {
  return `fiches-host\n${origin}\n${launch}\n${nonce}`;
}

export function sessionText(origin: string, launch: string): string {
  return `fiches-session\n${origin}\n${launch}`;
}

/**
 * Answered with HTTP 401 when a request's session is missing or belongs to another
 * launch: the page shakes hands again and resends (nothing was run).
 */
export const SESSION_EXPIRED = 'session-expired';

export type Handshake = { ok: true; session: string } | { ok: false; reason: 'unreachable' | 'wrong-host' };

const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The page's side, with Web Crypto (the same in browsers and Node): checks that the host
 * at `origin` holds `key` and answers the session of its launch. `sendHello` posts the
 * JSON body to HELLO_PATH and answers the parsed reply; it throws when nothing answered.
 */
export async function shakeHands(
  key: string,
  origin: string,
  sendHello: (body: string) => Promise<unknown>,
): Promise<Handshake> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sign = async (text: string) =>
    base64url(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text)));
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(32)));
  let answer: unknown;
  try {
    answer = await sendHello(JSON.stringify({ nonce }));
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const hello = helloResponseSchema.safeParse((answer as { value?: unknown } | null | undefined)?.value);
  if (!hello.success) return { ok: false, reason: 'wrong-host' };
  const { launch, proof } = hello.data;
  if (proof !== (await sign(hostProofText(origin, launch, nonce))))
    return { ok: false, reason: 'wrong-host' };
  return { ok: true, session: await sign(sessionText(origin, launch)) };
}
