import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { JobLimits } from '../worker/pool.js';

/**
 * Every export has one deadline, shared by all its steps: reading the sheet and its
 * images, rendering the SVGs, building the Word file or the print document, printing,
 * writing the PDF's metadata. The heavy steps run in worker processes, which are killed
 * when the deadline passes; the export then fails with a message naming the step, and
 * returns nothing, so nothing is written.
 */

/** Generous for a 100-page sheet on a slow machine; an export that takes longer has hung or been given too much. */
export const EXPORT_TIMEOUT_MS = 120_000;

export type ExportStep = 'read' | 'svg' | 'docx' | 'print-document' | 'print' | 'pdf-finish' | 'pdf';

const stepNames: Record<ExportStep, string> = {
  read: 'lecture de la fiche et de ses images',
  svg: 'rendu des images SVG',
  docx: 'construction du fichier Word',
  'print-document': 'mise en page du document à imprimer',
  print: 'impression du PDF',
  'pdf-finish': 'finition du PDF (texte et propriétés)',
  pdf: 'mise en page et impression du PDF',
};

export class ExportDeadline {
  readonly #expiresAt: number;

  /** `signal`: the export's cancel (a volume's), which stops its worker jobs as the deadline does. */
  constructor(
    readonly timeoutMs: number = EXPORT_TIMEOUT_MS,
    readonly signal?: AbortSignal,
  ) {
    this.#expiresAt = Date.now() + timeoutMs;
  }

  /** What is left, never less than zero. */
  remainingMs(): number {
    return Math.max(0, this.#expiresAt - Date.now());
  }

  failure(step: ExportStep): AppFailure {
    return new AppFailure(
      'internal',
      fr`L’export a été abandonné après ${Math.round(this.timeoutMs / 1000)}\u00a0s, pendant l’étape « ${stepNames[step]} » ; rien n’a été écrit. Allégez les images les plus lourdes de la fiche (ou remplacez-les par des PNG), puis réessayez.`,
      { reason: 'deadline', step, timeoutMs: this.timeoutMs },
    );
  }

  /** Throws the failure when the deadline has passed: between steps that are not worker jobs. */
  check(step: ExportStep): void {
    if (this.remainingMs() === 0) throw this.failure(step);
  }

  /** The limits of a worker job that is this step. */
  limits(step: ExportStep): JobLimits {
    return {
      timeoutMs: this.remainingMs(),
      onTimeout: () => this.failure(step),
      ...(this.signal ? { signal: this.signal } : {}),
    };
  }
}
