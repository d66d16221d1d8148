import type { ExportFormat, ExportSummary, SheetExportResult } from '../../../shared/api/export-contract.js';
import type { Result } from '../../../shared/result.js';
import { ok } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';

/** What the user chose to export. */
export interface ExportPlan {
  sheetIds: string[];
  format: ExportFormat;
  /** A revision's id (history-ui.ts). */
  revision?: string;
  /** An export for review (Word, one sheet as it is now): its comments, the changes since a version (its id). */
  comments?: boolean;
  changesSince?: string;
}

/** The options of one sheet's rendering, as the contract names them. */
function renderOptions(plan: ExportPlan) {
  return {
    ...(plan.revision === undefined ? {} : { revision: plan.revision }),
    ...(plan.comments ? { comments: true } : {}),
    ...(plan.changesSince === undefined ? {} : { changesSince: plan.changesSince }),
  };
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Hands a file to the browser as a download. */
export function download(fileName: string, mediaType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Browser host: each sheet rendered then downloaded, one at a time, so progress is real. */
async function exportByDownload(plan: ExportPlan, onProgress: (progress: ExportProgress) => void) {
  const results: SheetExportResult[] = [];
  for (const sheetId of plan.sheetIds) {
    const rendered = await invoke('export:render', {
      sheetId,
      format: plan.format,
      ...renderOptions(plan),
    });
    if (rendered.ok) {
      download(rendered.value.fileName, rendered.value.mediaType, rendered.value.base64);
      results.push({ sheetId, ok: true, file: rendered.value.fileName, warnings: rendered.value.warnings });
    } else {
      results.push({ sheetId, ok: false, warnings: [], error: rendered.error.message });
    }
    onProgress({ done: results.length, total: plan.sheetIds.length });
  }
  return ok<ExportSummary>({ format: plan.format, target: 'Téléchargements', results });
}

/**
 * Runs an export once the pending edits are saved (the file shows what was typed last).
 * The desktop app asks where to save and writes there; it answers null when the user
 * cancelled its dialog.
 */
export async function runExport(
  plan: ExportPlan,
  host: 'electron' | 'browser',
  onProgress: (progress: ExportProgress) => void,
): Promise<Result<ExportSummary | null>> {
  await flushEverything();
  if (host === 'browser') return exportByDownload(plan, onProgress);
  return invoke('export:save', {
    sheetIds: plan.sheetIds,
    format: plan.format,
    ...renderOptions(plan),
  });
}
