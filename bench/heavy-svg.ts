import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { doc, figure, paragraph } from '../shared/content/builders.js';
import { heavySvg } from '../main/services/export/testing/synthetic.js';
import { sessionHeaders } from '../main/web/testing/host-client.js';
import { sampleRepository } from './fixtures.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

/**
 * The host under a hostile image: while it exports a sheet holding the 15.7 MB SVG of
 * 560,000 shapes (once 168 s with no other request answered), `app:info` is asked again
 * and again; its latency is the host's responsiveness. Run against `fiches serve`, the
 * browser host as users run it. The SVG is put in assets/ directly, as a repository synced
 * from elsewhere holds it: import refuses it (too many elements).
 */

const SHEET = 'cobotique';
/** Between two app:info requests: a user's clicks are further apart. */
const POLL_GAP_MS = 20;

type Api = (name: string, request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** A client of the browser host at `url`, after the handshake its pages make. */
async function apiOf(url: string): Promise<Api> {
  const { origin, hash } = new URL(url);
  const key = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const session = await sessionHeaders(origin, key);
  return async (name, request) => {
    const response = await fetch(`${origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...session },
      body: JSON.stringify(request),
    });
    return (await response.json()) as { ok: boolean };
  };
}

async function exportWhilePolling(api: Api, format: 'docx' | 'pdf') {
  const latencies: number[] = [];
  let exporting = true;
  const polling = (async () => {
    while (exporting) {
      const start = performance.now();
      const answer = await api('app:info', {});
      if (!answer.ok) throw new Error(`app:info failed: ${JSON.stringify(answer.error)}`);
      latencies.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
    }
  })();
  // A failed poll ends the measure, but only once the export is over: the host is stopped after.
  const polled = polling.catch((error: unknown) => error);
  const start = performance.now();
  const exported = await api('export:render', { sheetId: SHEET, format });
  const ms = performance.now() - start;
  exporting = false;
  const pollError = await polled;
  if (pollError) throw pollError;
  if (!exported.ok) throw new Error(`export:render failed: ${JSON.stringify(exported.error)}`);
  return { ms, latencies };
}

export async function benchHeavySvg(): Promise<void> {
  const { path, session } = await sampleRepository('heavy-svg');
  const svg = heavySvg();
  const asset = `${createHash('sha256').update(svg).digest('hex')}.svg`;
  await writeFile(join(path, 'assets', asset), svg);
  await session.handlers['sheets:create']({ variableId: SHEET });
  await session.handlers['sheets:update']({
    id: SHEET,
    patch: {
      sections: { passe: doc(paragraph('Une carte détaillée.'), figure('Carte', 'SIG régional', { asset })) },
    },
  });
  await session.close();
  const host = await serve(path);
  try {
    const api = await apiOf(host.url);
    // As the interface does before its « Exporter… » button is there: the home view, then the sheet.
    for (const [name, request] of [
      ['repository:overview', {}],
      ['template:get', {}],
      ['sheets:get', { id: SHEET }],
    ] as const) {
      if (!(await api(name, request)).ok) throw new Error(`${name} failed`);
    }
    const note = `${(svg.length / 1_000_000).toFixed(1)} MB, 560,000 shapes`;
    for (const format of ['docx', 'pdf'] as const) {
      const { ms, latencies } = await exportWhilePolling(api, format);
      report(`heavy-svg-${format}-export`, ms, 'ms', note);
      report(
        `heavy-svg-${format}-app-info-p50`,
        percentile([...latencies], 50),
        'ms',
        `${latencies.length} requests during the export`,
      );
      report(`heavy-svg-${format}-app-info-max`, Math.max(...latencies), 'ms', 'target ≤ 100');
    }
  } finally {
    await host.stop();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
