import { execFile, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './fixtures.js';

/**
 * A real git smart-HTTP server for the sync tests: Debian's `git http-backend` (CGI) behind
 * a small Node server on 127.0.0.1 with basic authentication, started and stopped by each
 * test file. Bare repositories are made with the system git, which also checks them
 * (`git fsck`) and clones them as a colleague without Fiches would.
 */
export const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

const run = promisify(execFile);

export interface GitServer {
  /** http://127.0.0.1:PORT/ */
  base: string;
  root: string;
  user: string;
  password: string;
  /** Every request's method and path, for tests that count what was asked. */
  requests: string[];
  /** The password changes (as when IT renews it): the old one gets 401 from now on. */
  setPassword(password: string): void;
  /**
   * Each chunk the backend answers is held this long before it goes out (0: none), so
   * that a clone lasts long enough for its progress to be watched.
   */
  setChunkDelay(ms: number): void;
  /** An empty bare repository, answering its URL. */
  createRepository(name: string): Promise<string>;
  /** The bare repository's folder (for git fsck, git log). */
  pathOf(name: string): string;
  /** Runs the system git (`git -C dir …`), answering stdout. */
  git(args: string[], cwd?: string): Promise<string>;
  close(): Promise<void>;
}

/** The size of the pieces a slowed-down server sends, each after its delay. */
const SLOW_PIECE_BYTES = 8 * 1024;

/**
 * What a slowed-down server sends of `pending`, piece by piece: each of git's packet lines
 * on its own (cut in SLOW_PIECE_BYTES pieces when longer), so that every progress line
 * (« Counting objects: 42% ») comes after its own delay however the backend's output was
 * chunked; `rest` is a packet line not complete yet. Bytes that are no packet line go as they are.
 */
function slowPieces(pending: Buffer): { pieces: Buffer[]; rest: Buffer } {
  const pieces: Buffer[] = [];
  const cut = (from: number, to: number) => {
    for (let at = from; at < to; at += SLOW_PIECE_BYTES) {
      pieces.push(pending.subarray(at, Math.min(at + SLOW_PIECE_BYTES, to)));
    }
  };
  let at = 0;
  while (pending.length - at >= 4) {
    const head = pending.subarray(at, at + 4).toString('latin1');
    const length = Number.parseInt(head, 16);
    if (!/^[0-9a-f]{4}$/.test(head) || (length > 0 && length < 4)) {
      cut(at, pending.length);
      return { pieces, rest: Buffer.alloc(0) };
    }
    const size = length === 0 ? 4 : length;
    if (pending.length - at < size) break;
    cut(at, at + size);
    at += size;
  }
  return { pieces, rest: pending.subarray(at) };
}

function unauthorized(response: ServerResponse): void {
  response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Fiches test"', 'Content-Type': 'text/plain' });
  response.end('Authentification requise');
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function cgi(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  payload: Buffer,
  user: string,
  chunkDelayMs: number,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const child = spawn(HTTP_BACKEND, [], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(payload.length),
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      GIT_HTTP_MAX_REQUEST_BUFFER: '200M',
      ...(request.headers['content-encoding']
        ? { HTTP_CONTENT_ENCODING: String(request.headers['content-encoding']) }
        : {}),
      ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // The backend may answer (an error) before reading the whole request.
  child.stdin.on('error', () => undefined);
  child.stdin.end(payload);
  let head = Buffer.alloc(0);
  let headersDone = false;
  // Chunks go out in order, each after the delay (when slowed down).
  let sent = Promise.resolve();
  /** The start of a packet line the backend has not finished writing (slowed down only). */
  let unsent: Buffer = Buffer.alloc(0);
  const later = (send: () => void) => {
    if (chunkDelayMs === 0) return send();
    sent = sent.then(() => new Promise<void>((resolve) => setTimeout(resolve, chunkDelayMs))).then(send);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      if (chunkDelayMs === 0) return response.write(chunk);
      // Slowed down, a pack goes out in small pieces: a pipe's 64 KB chunks would carry a
      // small repository's whole pack, and all its progress lines, in one or two, too fast
      // for its progress to be seen.
      const { pieces, rest } = slowPieces(Buffer.concat([unsent, chunk]));
      unsent = rest;
      for (const piece of pieces) later(() => response.write(piece));
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    const endLf = head.indexOf('\n\n');
    const cut = end !== -1 ? end : endLf;
    if (cut === -1) return;
    const separator = end !== -1 ? 4 : 2;
    const lines = head.subarray(0, cut).toString('latin1').split(/\r?\n/);
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    headersDone = true;
    const rest = head.subarray(cut + separator);
    later(() => response.write(rest));
  });
  child.stderr.resume();
  child.on('close', () => {
    if (!headersDone) response.writeHead(500);
    const last = unsent;
    if (last.length > 0) later(() => response.write(last));
    later(() => response.end());
  });
}

export async function startGitServer(
  user = 'anne',
  password = 'mot-de-passe-très-secret-42',
): Promise<GitServer> {
  const root = await tempDir('fiches-git-server-');
  const requests: string[] = [];
  const basic = (secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
  let expected = basic(password);
  let current = password;
  let chunkDelayMs = 0;
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.headers.authorization !== expected) {
      request.resume();
      unauthorized(response);
      return;
    }
    body(request).then(
      (payload) => cgi(root, request, response, payload, user, chunkDelayMs),
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const git = async (args: string[], cwd?: string) =>
    (
      await run('git', args, {
        cwd: cwd ?? root,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      })
    ).stdout;
  return {
    base: `http://127.0.0.1:${port}/`,
    root,
    user,
    get password() {
      return current;
    },
    requests,
    setPassword(next) {
      current = next;
      expected = basic(next);
    },
    setChunkDelay(ms) {
      chunkDelayMs = ms;
    },
    pathOf: (name) => join(root, name),
    git,
    async createRepository(name) {
      const dir = join(root, name);
      await mkdir(dir, { recursive: true });
      await git(['init', '--bare', '--quiet', '--initial-branch=main', dir]);
      await git(['config', 'http.receivepack', 'true'], dir);
      return `http://127.0.0.1:${port}/${name}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
