import type { OpName, OpRequest, OpResponse } from '../../shared/api/contract.js';
import { fail, type Result } from '../../shared/result.js';
import { desktopBridge } from './bridge.js';
import { sessionToken } from './token.js';

export interface InvokeOptions {
  /**
   * Let the request outlive the page (browser host only): used when the page is hidden or
   * unloading, so the last words typed still reach the disk.
   */
  keepalive?: boolean;
}

/** Browsers refuse keepalive bodies beyond 64 KiB (all pending ones together). */
const KEEPALIVE_MAX_BYTES = 60_000;

function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: { message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.message === 'string';
}

async function overHttp(name: OpName, request: unknown, options: InvokeOptions): Promise<Result<unknown>> {
  const body = JSON.stringify(request);
  const keepalive =
    options.keepalive === true && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = sessionToken();
  if (token) headers['X-Fiches-Token'] = token;
  const response = await fetch(`/api/${name}`, { method: 'POST', headers, body, keepalive });
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    answer = undefined;
  }
  if (isResult(answer)) return answer;
  return fail(
    'internal',
    `Réponse inattendue du serveur Fiches (HTTP ${response.status}). Rechargez la page.`,
  );
}

/**
 * The only way the renderer talks to the host: the preload bridge in Electron, HTTP in the
 * browser host. Whatever happens, the answer is a Result; a transport failure becomes an
 * error with a French message, never a thrown exception.
 */
export async function invoke<N extends OpName>(
  name: N,
  request: OpRequest<N>,
  options: InvokeOptions = {},
): Promise<Result<OpResponse<N>>> {
  try {
    const bridge = desktopBridge();
    const result = bridge ? await bridge.invoke(name, request) : await overHttp(name, request, options);
    return result as Result<OpResponse<N>>;
  } catch (error) {
    return fail(
      'io',
      `Le serveur Fiches ne répond pas\u00a0: ${describe(error)}. Vérifiez qu’il fonctionne encore, puis réessayez.`,
    );
  }
}
