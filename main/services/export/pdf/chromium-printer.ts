import { chromium, errors, type Browser } from 'playwright-core';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';
import { findChromium, installAdvice } from './chromium-path.js';
import {
  LOAD_FONTS_SCRIPT,
  printEachPass,
  singlePass,
  withDeadline,
  type NextPass,
  type PdfPrinter,
  type PrintLimits,
} from './printer.js';

/**
 * Headless Chromium driven by playwright-core, for the browser host, the CLI and the tests.
 * One browser is started on the first print and kept for the next ones (starting costs
 * most of a small sheet's print), then closed after a minute without printing. Prints run
 * one at a time: each takes a few hundred megabytes at most, and the machine may be small.
 */

const FLAGS = [
  // Chromium's sandbox needs user namespaces, often missing in containers and CI; the printed
  // document is ours, without script, and its policy lets it load nothing.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Fewer processes for one page at a time: a 100-page print stays well under 1.5 GB in all.
  '--no-zygote',
  '--in-process-gpu',
  '--renderer-process-limit=1',
  '--disable-site-isolation-trials',
];

export interface ChromiumPrinterOptions {
  env?: NodeJS.ProcessEnv;
  /** How long an unused browser is kept. */
  idleMs?: number;
  /** How long Chromium may take to start before it is taken as broken. */
  launchTimeoutMs?: number;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .replace(/^browserType\.launch:\s*/, '')
      .split('\n')[0]
      ?.trim() ?? ''
  );
}

export class ChromiumPrinter implements PdfPrinter {
  #browser: Promise<Browser> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;
  readonly #env: NodeJS.ProcessEnv;
  readonly #idleMs: number;
  readonly #launchTimeoutMs: number;

  constructor(options: ChromiumPrinterOptions = {}) {
    this.#env = options.env ?? process.env;
    this.#idleMs = options.idleMs ?? 60_000;
    this.#launchTimeoutMs = options.launchTimeoutMs ?? 30_000;
  }

  print(html: string, timeoutMs: number): Promise<Uint8Array> {
    return this.printPasses(html, { timeoutMs }, singlePass);
  }

  printPasses(html: string, limits: PrintLimits, next: NextPass): Promise<Uint8Array> {
    const run = this.#queue.then(() => this.#printNow(html, limits, next));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const pending = this.#browser;
    this.#browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }

  async #printNow(html: string, limits: PrintLimits, next: NextPass): Promise<Uint8Array> {
    clearTimeout(this.#idle);
    try {
      return await withDeadline(
        limits,
        () => this.#render(html, next),
        () => this.close(),
      );
    } finally {
      this.#idle = setTimeout(() => void this.close(), this.#idleMs);
      this.#idle.unref();
    }
  }

  async #render(html: string, next: NextPass): Promise<Uint8Array> {
    const browser = await this.#launched();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      // The document loads nothing by its own policy; this holds even if that policy were lost.
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: 0 });
      await page.evaluate(LOAD_FONTS_SCRIPT);
      // The page's own scripts are off; ours run all the same, through the DevTools protocol.
      return await printEachPass(
        {
          run: async (script) => {
            await page.evaluate(script);
          },
          print: async (draft) => {
            const pdf = await page.pdf({
              format: 'A4',
              preferCSSPageSize: true,
              printBackground: !draft,
              tagged: !draft,
              outline: !draft,
            });
            return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
          },
        },
        next,
      );
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  #launched(): Promise<Browser> {
    if (this.#browser) return this.#browser;
    const pending = this.#launch();
    this.#browser = pending;
    const forget = () => {
      if (this.#browser === pending) this.#browser = undefined;
    };
    // A failed start is retried on the next print; so is a browser that crashed or was killed.
    pending.then((browser) => browser.on('disconnected', forget), forget);
    return pending;
  }

  async #launch(): Promise<Browser> {
    const executablePath = await findChromium(this.#env);
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath,
        args: FLAGS,
        timeout: this.#launchTimeoutMs,
        // The hosts stop on these signals themselves, closing the repository first; Playwright
        // would exit the process on Ctrl+C. The browser still dies with the process (its pipe closes).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      const reason =
        error instanceof errors.TimeoutError
          ? fr`il n’a pas répondu en ${Math.round(this.#launchTimeoutMs / 1000)}\u00a0s`
          : firstLine(error);
      throw new AppFailure(
        'unsupported',
        fr`Impossible d’exporter en PDF : Chromium (« ${executablePath} ») n’a pas pu démarrer (${reason}). ${installAdvice}`,
        { executable: executablePath },
      );
    }
    return browser;
  }
}
