import { AppFailure } from '../../../shared/result.js';
import { serveJobs } from '../worker/serve.js';

/**
 * A worker for the pool's tests, speaking the real protocol: jobs that answer, wait, fail,
 * and one that makes resvg panic for real (an SVG 800 px wide and 800,000,000 px high:
 * resvg cannot allocate the canvas and aborts its process).
 */
const PANIC_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1000000"><rect width="1" height="10"/></svg>';

serveJobs({
  pid: async () => process.pid,
  echo: async (request: unknown) => request,
  sleep: (ms: number) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
  fail: async (message: string) => {
    throw new AppFailure('unsupported', message, { asked: message });
  },
  panic: async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    new Resvg(PANIC_SVG, { fitTo: { mode: 'width', value: 800 } }).render();
    return 'survived';
  },
});
