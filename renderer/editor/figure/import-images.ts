import {
  ACCEPTED_IMAGE_TYPES,
  MAX_IMAGE_BYTES,
  tooLargeMessage,
  type ImportedAsset,
} from '../../../shared/content/assets.js';
import { fail, type Result } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { readAsBase64 } from '../../ui/read-file.js';

/**
 * Images from the user's files, a drop or a paste, sent to the host to be checked and
 * stored. The size is checked here first so a 50 MB photo is refused at once, without
 * being sent.
 */

export async function importImage(blob: Blob, name: string): Promise<Result<ImportedAsset>> {
  if (blob.size > MAX_IMAGE_BYTES) return fail('unsupported', tooLargeMessage(name, blob.size));
  let base64: string;
  try {
    base64 = await readAsBase64(blob);
  } catch (error) {
    // The browser's reason is English: to the console, not to the message.
    console.error('Fiches\u00a0: lecture d’une image', error);
    return fail(
      'io',
      `Le fichier «\u00a0${name}\u00a0» n’a pas pu être lu (déplacé, supprimé ou illisible)\u00a0: vérifiez-le puis réessayez.`,
    );
  }
  return invoke('assets:import', { name, mediaType: blob.type, base64 });
}

/** UTF-8 text as base64 (btoa only takes Latin-1). */
function base64OfText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is;

/**
 * A `data:` URL found in pasted HTML (web pages, LibreOffice). Decoded here rather than
 * fetched: the page's CSP lets nothing but our own host be fetched.
 */
export async function importDataUrl(dataUrl: string, name: string): Promise<Result<ImportedAsset>> {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return fail('unsupported', `L’image «\u00a0${name}\u00a0» collée est illisible.`);
  const [, mediaType = '', , isBase64, payload = ''] = match;
  let base64: string;
  try {
    base64 = isBase64 ? payload.replace(/\s+/g, '') : base64OfText(decodeURIComponent(payload));
  } catch {
    return fail('unsupported', `L’image «\u00a0${name}\u00a0» collée est illisible.`);
  }
  const bytes = Math.floor((base64.length * 3) / 4);
  if (bytes > MAX_IMAGE_BYTES) return fail('unsupported', tooLargeMessage(name, bytes));
  return invoke('assets:import', { name, mediaType, base64 });
}

/** Opens the system's file picker for images; resolves with nothing when cancelled. */
export function pickImageFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPTED_IMAGE_TYPES;
    input.multiple = true;
    input.hidden = true;
    input.dataset['testid'] = 'figure-file-input';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}
