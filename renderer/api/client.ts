import type { OpName, OpRequest, OpResponse } from '../../shared/api/contract.js';
import { SESSION_HEADER } from '../../shared/api/web-auth.js';
import { fail, type Result } from '../../shared/result.js';
import { desktopBridge } from './bridge.js';
import { forgetHostSession, hostSession, UNREACHABLE } from './host-session.js';

export interface InvokeOptions {
  /**
   * Let the request outlive the page (browser host only): used when the page is hidden or
   * unloading, so the last words typed still reach the disk.
   */
  keepalive?: boolean;
}

/** Browsers refuse keepalive bodies beyond 64 KiB (all pending ones together). */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * A value of a request already serialised (the autosave's, for its journal): the HTTP body
 * takes its JSON text as it is rather than serialising a long document a second time. The
 * desktop bridge, which clones objects, gets the value.
 */
export class Serialised {
  constructor(
    readonly value: unknown,
    readonly json: string,
  ) {}
}

/** The request as the desktop bridge takes it: values in place of their text. Stops at each Serialised. */
function withValues(request: unknown): unknown {
  if (request instanceof Serialised) return request.value;
  if (Array.isArray(request)) return request.map(withValues);
  if (typeof request !== 'object' || request === null) return request;
  return Object.fromEntries(Object.entries(request).map(([key, value]) => [key, withValues(value)]));
}

/** The request as JSON, each Serialised's text spliced in where it stands. */
export function requestBody(request: unknown): string {
  const texts: string[] = [];
  const marker = `fiches-serialised-${Math.random().toString(36).slice(2)}-`;
  const skeleton = JSON.stringify(request, (_key, value: unknown) => {
    if (!(value instanceof Serialised)) return value;
    texts.push(value.json);
    return `${marker}${texts.length - 1}`;
  });
  if (texts.length === 0) return skeleton;
  // Only markers can match: the skeleton holds no serialised text, only ids and names.
  return skeleton.replace(
    new RegExp(`"${marker}(\\d+)"`, 'g'),
    (_match, index: string) => texts[Number(index)]!,
  );
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: { message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.message === 'string';
}

async function post(name: OpName, body: string, session: string, keepalive: boolean): Promise<Response> {
  return fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: session },
    body,
    keepalive,
  });
}

async function overHttp(name: OpName, request: unknown, options: InvokeOptions): Promise<Result<unknown>> {
  const body = requestBody(request);
  const keepalive =
    options.keepalive === true && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
  let session = await hostSession();
  if (!session.ok) return session;
  let response = await post(name, body, session.value, keepalive);
  if (response.status === 401) {
    // The host restarted since the handshake: nothing was run, shake hands again and resend.
    forgetHostSession();
    session = await hostSession();
    if (!session.ok) return session;
    response = await post(name, body, session.value, keepalive);
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    answer = undefined;
  }
  if (isResult(answer)) return answer;
  return fail(
    'internal',
    `Réponse inattendue du serveur Fiches (HTTP ${response.status})\u00a0: rien n’a été fait. Vérifiez que c’est bien Fiches qui tourne à cette adresse, puis réessayez.`,
  );
}

/**
 * The only way the renderer talks to the host: the preload bridge in Electron, HTTP in the
 * browser host. Whatever happens, the answer is a Result; a transport failure becomes an
 * error with a French message (never the browser's English one), never a thrown exception.
 */
export async function invoke<N extends OpName>(
  name: N,
  request: OpRequest<N>,
  options: InvokeOptions = {},
): Promise<Result<OpResponse<N>>> {
  const bridge = desktopBridge();
  try {
    const result = bridge
      ? await bridge.invoke(name, withValues(request) as OpRequest<N>)
      : await overHttp(name, request, options);
    return result as Result<OpResponse<N>>;
  } catch {
    if (bridge) {
      return fail(
        'unreachable',
        'L’application ne répond pas\u00a0: rien n’a été fait. Réessayez dans un instant.',
      );
    }
    // The host is gone (stopped, restarting): its next launch needs a new handshake.
    forgetHostSession();
    return fail('unreachable', UNREACHABLE);
  }
}
