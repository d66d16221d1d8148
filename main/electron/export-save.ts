import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { OpRequest, OpResponse } from '../../shared/api/contract.js';
import { exportFormatLabels } from '../../shared/api/export-contract.js';
import { exportFileName } from '../services/export/render.js';
import { exportSheets, renderThrough } from '../services/export/export-sheets.js';
import type { ServiceHandlers } from '../services/index.js';

/** The id of a revision named by its id or by its number as listed now, for the suggested file name. */
async function revisionIdOf(
  handlers: ServiceHandlers,
  sheetId: string,
  revision: number | string | undefined,
): Promise<string | undefined> {
  if (typeof revision !== 'number') return revision;
  const { revisions } = await handlers['history:list']({ sheetId });
  return revisions.find((summary) => summary.seq === revision)?.id;
}

/**
 * `export:save` in the desktop app: the user picks the target in a native dialog (a file
 * for one sheet, a folder for several), so the renderer never names a path on disk.
 */
export async function saveExport(
  window: BrowserWindow | undefined,
  handlers: ServiceHandlers,
  request: OpRequest<'export:save'>,
): Promise<OpResponse<'export:save'>> {
  const label = exportFormatLabels[request.format];
  const [first] = request.sheetIds;
  let out: string | undefined;
  if (request.sheetIds.length === 1 && first) {
    const options: SaveDialogOptions = {
      title: `Exporter en ${label}`,
      defaultPath: exportFileName(
        first,
        request.format,
        await revisionIdOf(handlers, first, request.revision),
        request.comments === true || request.changesSince !== undefined,
      ),
      filters: [{ name: `Document ${label}`, extensions: [request.format] }],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    out = choice.canceled ? undefined : choice.filePath;
  } else {
    const options: OpenDialogOptions = {
      title: `Exporter ${request.sheetIds.length} fiches en ${label}`,
      buttonLabel: 'Exporter ici',
      properties: ['openDirectory', 'createDirectory'],
    };
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    out = choice.canceled ? undefined : choice.filePaths[0];
  }
  if (out === undefined) return null;
  return exportSheets(renderThrough(handlers), {
    sheetIds: request.sheetIds,
    format: request.format,
    ...(request.revision === undefined ? {} : { revision: request.revision }),
    ...(request.comments ? { comments: true } : {}),
    ...(request.changesSince === undefined ? {} : { changesSince: request.changesSince }),
    out,
  });
}
