import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';

/**
 * What prints the print document to PDF. Two implementations behind this one interface,
 * chosen by the host: headless Chromium (browser host, CLI, tests) and Electron's own
 * `webContents.printToPDF` (the desktop app). Both print A4 from the document's @page
 * rules, backgrounds included, tagged, with an outline built from the headings.
 */
export interface PdfPrinter {
  /** The PDF of `html`, or an AppFailure; never waits longer than `timeoutMs`. */
  print(html: string, timeoutMs: number): Promise<Uint8Array>;
  /**
   * `html` loaded once and printed pass after pass (a volume: pdf/volume.ts): `next` answers
   * the first pass, then each following one from the PDF the last one printed, until it
   * answers undefined; that last PDF is the result. A pass may first run a script in the
   * loaded document (to write its page numbers in), so nothing is loaded or decoded again.
   * Never waits longer than `timeoutMs` in all; stops at once when `signal` aborts.
   */
  printPasses(html: string, limits: PrintLimits, next: NextPass): Promise<Uint8Array>;
  /** Frees what the printer holds (a browser); it starts again on the next print. */
  close(): Promise<void>;
}

/**
 * Run once the document is loaded: every face of its font loaded (nothing is laid out on
 * screen to ask for them: print/styles.ts), a face that fails left to the fallback fonts.
 */
export const LOAD_FONTS_SCRIPT =
  'Promise.allSettled([...document.fonts].map((face) => face.load())).then(() => true)';

export interface PrintLimits {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface PrintPass {
  /** JavaScript run in the loaded document before it is printed again (its source: ours, never the user's). */
  script?: string;
  /**
   * Printed without tags, outline or backgrounds: a pass only read for where things fall
   * (the layout is the same, for a fraction of the cost).
   */
  draft: boolean;
}

/** The next pass, from what the last one printed (undefined before the first); undefined when that was the last. */
export type NextPass = (printed: Uint8Array | undefined) => Promise<PrintPass | undefined>;

/** What a printer does to a loaded document, in its own engine's words. */
export interface LoadedDocument {
  /** Runs our script (never the user's) in the document. */
  run(script: string): Promise<void>;
  /** Prints it to PDF: A4 from its @page rules; a draft without tags, outline or backgrounds. */
  print(draft: boolean): Promise<Uint8Array>;
}

/** Prints the loaded document pass after pass, as `next` says: the last PDF printed is the result. */
export async function printEachPass(document: LoadedDocument, next: NextPass): Promise<Uint8Array> {
  let printed: Uint8Array | undefined;
  for (let pass = await next(undefined); pass; pass = await next(printed)) {
    if (pass.script !== undefined) await document.run(pass.script);
    printed = await document.print(pass.draft);
  }
  if (!printed) throw new Error('a print has one pass at least');
  return printed;
}

/** A document printed once, in full: what `print` is. */
export const singlePass: NextPass = async (printed) => (printed ? undefined : { draft: false });

export function printTimeoutFailure(timeoutMs: number): AppFailure {
  return new AppFailure(
    'internal',
    fr`L’impression du PDF a été abandonnée après ${Math.round(timeoutMs / 1000)}\u00a0s sans réponse du moteur d’impression. Réessayez ; si cela se reproduit, fermez les autres applications ou exportez la fiche en Word.`,
    { timeoutMs },
  );
}

/** A print stopped by its caller (a cancelled volume): the caller says what that means to the user. */
export function printAbortedFailure(): AppFailure {
  return new AppFailure('invalid-request', 'Impression annulée.', { reason: 'cancelled' });
}

/**
 * Runs `work` within its limits. On expiry, or when the signal aborts, `abandon` runs (it
 * must stop the work: close the browser, destroy the window) and the call fails at once,
 * whatever `work` does next.
 */
export async function withDeadline<T>(
  limits: PrintLimits,
  work: () => Promise<T>,
  abandon: () => Promise<void>,
): Promise<T> {
  const { timeoutMs, signal } = limits;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (failure: AppFailure) => {
      void abandon().catch(() => undefined);
      reject(failure);
    };
    timer = setTimeout(() => stop(printTimeoutFailure(timeoutMs)), timeoutMs);
    onAbort = () => stop(printAbortedFailure());
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(), stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
