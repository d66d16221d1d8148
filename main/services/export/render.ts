import { exportFormatExtensions, type ExportFormat } from '../../../shared/api/export-contract.js';
import type { RepositoryContext } from '../repository/context.js';
import { EXPORT_TIMEOUT_MS, ExportDeadline } from './deadline.js';
import { formatRenderers } from './formats.js';
import { loadLayout } from './layout/load-layout.js';
import {
  checkReviewRequest,
  isReviewRequest,
  reviewPrint,
  type ReviewRequest,
} from './review/review-print.js';
import { collectSheet, contentWarnings } from './sheet-input.js';

export interface RenderRequest extends ReviewRequest {
  sheetId: string;
}

export interface RenderedSheet {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  warnings: string[];
}

/**
 * « big-data.docx », « big-data-version-4f0c2a9e1b7d-3.docx » (the revision's id: the
 * same on every copy, whatever a sync does to the numbers listed), « big-data-relecture.docx »:
 * made of checked ids, safe as a file name anywhere.
 */
export function exportFileName(
  sheetId: string,
  format: ExportFormat,
  revisionId?: string,
  forReview = false,
): string {
  const suffix = revisionId === undefined ? (forReview ? '-relecture' : '') : `-version-${revisionId}`;
  return `${sheetId}${suffix}.${exportFormatExtensions[format]}`;
}

/**
 * One sheet, or one of its past revisions, as a file in memory, with what the reader should
 * check; or a failure, and nothing, when it could not be done within `timeoutMs`.
 */
export async function renderSheet(
  context: RepositoryContext,
  request: RenderRequest,
  timeoutMs = EXPORT_TIMEOUT_MS,
): Promise<RenderedSheet> {
  checkReviewRequest(request);
  const deadline = new ExportDeadline(timeoutMs);
  const renderer = formatRenderers[request.format];
  const loaded = await loadLayout(context.layout);
  const collected = await collectSheet(context, request.sheetId, request.revision);
  const forReview = isReviewRequest(request);
  const { print, warnings: reviewWarnings } = forReview
    ? await reviewPrint(context, collected, request)
    : { print: collected, warnings: [] };
  deadline.check('read');
  const { bytes, warnings } = await renderer.render(print, loaded, deadline);
  deadline.check(request.format === 'docx' ? 'docx' : 'pdf');
  return {
    fileName: exportFileName(request.sheetId, request.format, print.revision?.id, forReview),
    mediaType: renderer.mediaType,
    bytes,
    warnings: [...contentWarnings(print), ...reviewWarnings, ...warnings],
  };
}
