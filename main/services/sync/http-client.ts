import http from 'node:http';
import https from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

/**
 * The HTTP client isomorphic-git talks to the remote through (its `http` option). Ours,
 * rather than isomorphic-git/http/node, for three things a sync needs: certificates are
 * always verified (rejectUnauthorized set here, whatever the environment says), a remote
 * that does not answer fails after a deadline instead of hanging the sync, and a redirect
 * can neither downgrade https to http nor carry the credentials to another server.
 */

/** No answer (connection, headers, or data) for this long: the remote is treated as unreachable. */
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export class RemoteUnreachableError extends Error {
  override name = 'RemoteUnreachableError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function collect(body: GitHttpRequest['body']): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      method,
      headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      timeout: timeoutMs,
      rejectUnauthorized: true,
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, options, resolve);
    request.on('timeout', () =>
      request.destroy(
        new RemoteUnreachableError(`no answer from ${url.host} in ${timeoutMs} ms`, 'ETIMEDOUT'),
      ),
    );
    request.on('error', reject);
    request.end(body);
  });
}

function headersOf(message: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function gitHttpClient(timeoutMs = DEFAULT_TIMEOUT_MS): HttpClient {
  return {
    async request({ url, method = 'GET', headers = {}, body }: GitHttpRequest): Promise<GitHttpResponse> {
      const payload = await collect(body);
      let target = new URL(url);
      let sentHeaders = { ...headers };
      for (let redirects = 0; ; redirects += 1) {
        const response = await send(target, method, sentHeaders, payload, timeoutMs);
        const location = response.headers.location;
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && location && method === 'GET' && redirects < MAX_REDIRECTS) {
          response.resume();
          const next = new URL(location, target);
          if (next.protocol !== 'https:' && (next.protocol !== 'http:' || target.protocol === 'https:')) {
            throw new RemoteUnreachableError(
              `refused redirect from ${target.protocol} to ${next.protocol}`,
              'EREDIRECT',
            );
          }
          if (next.host !== target.host) {
            sentHeaders = Object.fromEntries(
              Object.entries(sentHeaders).filter(([name]) => name.toLowerCase() !== 'authorization'),
            );
          }
          target = next;
          continue;
        }
        response.setTimeout(timeoutMs, () =>
          response.destroy(new RemoteUnreachableError(`${target.host} stopped answering`, 'ETIMEDOUT')),
        );
        return {
          url: target.href,
          method,
          headers: headersOf(response),
          body: response[Symbol.asyncIterator]() as AsyncIterableIterator<Uint8Array>,
          statusCode: status,
          statusMessage: response.statusMessage ?? '',
        };
      }
    },
  };
}
