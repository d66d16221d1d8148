import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { HELLO_PATH, SESSION_HEADER, shakeHands } from '../../../shared/api/web-auth.js';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, because fetch() would normalise the paths and refuse to set Host. */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A page's handshake with the host on `hostPort`, as `hostName` names it, holding `key`. */
export async function handshake(hostPort: number, key: string, hostName = '127.0.0.1') {
  return shakeHands(key, `http://${hostName}:${hostPort}`, async (body) => {
    const answer = await send(hostPort, {
      method: 'POST',
      path: HELLO_PATH,
      headers: { Host: `${hostName}:${hostPort}`, 'Content-Type': 'application/json' },
      body,
    });
    return JSON.parse(answer.body) as unknown;
  });
}

/** The session header of a page of `hostName`:`hostPort`, after its handshake. */
export async function sessionOf(
  hostPort: number,
  key: string,
  hostName?: string,
): Promise<Record<string, string>> {
  const outcome = await handshake(hostPort, key, hostName);
  if (!outcome.ok) throw new Error(`handshake failed: ${outcome.reason}`);
  return { [SESSION_HEADER]: outcome.session };
}
