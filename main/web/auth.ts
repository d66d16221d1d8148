import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  helloRequestSchema,
  hostProofText,
  sessionText,
  type HelloResponse,
} from '../../shared/api/web-auth.js';
import { fail, ok } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { checkJsonPost, checkOrigin, readBody, sendResult } from './api.js';

/** A hello is one nonce: anything longer is not a page of ours. */
const MAX_HELLO_BYTES = 1024;

export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

function hmac(key: string, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64url');
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The host's side of shared/api/web-auth.ts: one launch id per start, the proof that we
 * hold the user's key, and the check of every request's session.
 */
export class HostAuth {
  readonly launch = randomId();
  private readonly sessions = new Map<string, string>();

  constructor(private readonly key: string) {}

  hello(origin: string, nonce: string): HelloResponse {
    return { launch: this.launch, proof: hmac(this.key, hostProofText(origin, this.launch, nonce)) };
  }

  /** `origin` is ours (the Host header was checked): http://127.0.0.1:<port> or http://localhost:<port>. */
  isSession(origin: string, given: string | string[] | undefined): boolean {
    if (typeof given !== 'string') return false;
    let expected = this.sessions.get(origin);
    if (expected === undefined) {
      expected = hmac(this.key, sessionText(origin, this.launch));
      this.sessions.set(origin, expected);
    }
    return sameText(expected, given);
  }
}

/** POST /auth/hello: answers the launch id and the host's proof for the page's nonce. */
export async function handleHello(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  context: { auth: HostAuth; origins: ReadonlySet<string> },
): Promise<void> {
  if (!checkOrigin(req, res, context.origins) || !checkJsonPost(req, res)) return;
  const body = await readBody(req, MAX_HELLO_BYTES);
  let parsed: ReturnType<typeof helloRequestSchema.safeParse> | undefined;
  try {
    parsed = body === undefined ? undefined : helloRequestSchema.safeParse(JSON.parse(body.toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    sendResult(res, 400, fail('invalid-request', fr`Demande d’identification invalide.`));
    return;
  }
  sendResult(res, 200, ok(context.auth.hello(origin, parsed.data.nonce)));
}
