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
  /** Frees what the printer holds (a browser); it starts again on the next print. */
  close(): Promise<void>;
}

export function printTimeoutFailure(timeoutMs: number): AppFailure {
  return new AppFailure(
    'internal',
    fr`L’impression du PDF a été abandonnée après ${Math.round(timeoutMs / 1000)}\u00a0s sans réponse du moteur d’impression. Réessayez ; si cela se reproduit, fermez les autres applications ou exportez la fiche en Word.`,
    { timeoutMs },
  );
}

/**
 * Runs `work` with a deadline. On expiry `abandon` runs (it must stop the work: close the
 * browser, destroy the window) and the call fails at once, whatever `work` does next.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: () => Promise<T>,
  abandon: () => Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void abandon().catch(() => undefined);
      reject(printTimeoutFailure(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
