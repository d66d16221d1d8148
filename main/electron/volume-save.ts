import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { OpRequest, OpResponse } from '../../shared/api/contract.js';
import { exportFormatExtensions, exportFormatLabels } from '../../shared/api/export-contract.js';
import { formatOfFile, writeVolumeFiles } from '../services/export/volume/save.js';
import type { ServiceHandlers } from '../services/index.js';

/**
 * `volume:save` in the desktop app, once the volume is made: the user picks where in a
 * native dialog (a file for one format, a folder for both), as for a sheet's export
 * (export-save.ts), so the renderer never names a path on disk. The files are written
 * durably (volume/save.ts); a closed dialog writes nothing.
 */

async function chooseTarget(
  window: BrowserWindow | undefined,
  fileNames: readonly string[],
): Promise<string | undefined> {
  const [only] = fileNames;
  if (fileNames.length === 1 && only) {
    const format = formatOfFile(only);
    const label = exportFormatLabels[format];
    const options: SaveDialogOptions = {
      title: `Enregistrer le recueil ${label}`,
      defaultPath: only,
      filters: [{ name: `Document ${label}`, extensions: [exportFormatExtensions[format]] }],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return choice.canceled ? undefined : choice.filePath;
  }
  const options: OpenDialogOptions = {
    title: 'Enregistrer le recueil en Word et en PDF',
    buttonLabel: 'Enregistrer ici',
    properties: ['openDirectory', 'createDirectory'],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? undefined : choice.filePaths[0];
}

export async function saveVolume(
  window: BrowserWindow | undefined,
  handlers: Pick<ServiceHandlers, 'volume:result'>,
  request: OpRequest<'volume:save'>,
): Promise<OpResponse<'volume:save'>> {
  const { files, summary } = await handlers['volume:result'](request);
  const out = await chooseTarget(
    window,
    files.map((file) => file.fileName),
  );
  if (out === undefined) return { summary, saved: null };
  const saved = await writeVolumeFiles(
    files.map(({ fileName, base64 }) => ({ fileName, bytes: Buffer.from(base64, 'base64') })),
    out,
  );
  return { summary, saved };
}
