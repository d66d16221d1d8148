import { AppFailure } from '../../../shared/result.js';

/**
 * Why a file cannot be read as a Word document. Every refusal is an AppFailure coded
 * `unsupported` whose message (French, shown as is) says what the file is and what to do;
 * `details.reason` is one of these, for the interface and the tests.
 */
export type DocxProblem =
  | 'empty'
  | 'not-zip'
  | 'not-docx'
  | 'opendocument'
  | 'encrypted'
  | 'word-97'
  | 'rtf'
  | 'pdf'
  | 'damaged'
  | 'zip-bomb'
  | 'too-large'
  | 'too-deep';

export function docxRefusal(reason: DocxProblem, message: string, name: string): AppFailure {
  return new AppFailure('unsupported', message, { reason, name });
}

/** The reason of a refusal made here, or undefined for any other error. */
export function refusalReason(error: unknown): DocxProblem | undefined {
  if (!(error instanceof AppFailure) || error.code !== 'unsupported') return undefined;
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? (reason as DocxProblem) : undefined;
}
