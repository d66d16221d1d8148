import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { fr } from '../french.js';
import type { RepositoryLayout } from '../repository/layout.js';
import { ioFailure } from '../storage/io-errors.js';

/**
 * An image of the repository as its name promises it: assets/<sha256>.<ext> holds the
 * bytes whose SHA-256 is <sha256>. A file changed since (a bad sync, a hand edit, a
 * damaged disk) is reported as damaged rather than shown or exported as if it were the
 * image the author chose.
 */
export type AssetContent =
  | { bytes: Buffer }
  | {
      missing: 'absent' | 'damaged';
      /** For the frame that replaces the image: « fichier absent », « fichier endommagé ». */
      short: string;
      /** The whole reason, for messages and the export's summary. */
      message: string;
    };

const matches = (digest: string, assetId: string) => digest === assetId.slice(0, assetId.indexOf('.'));

function absent(shown: string): AssetContent {
  return {
    missing: 'absent',
    short: 'fichier absent',
    message: fr`Image introuvable : le fichier ${shown} manque dans le dépôt (supprimé, ou dépôt copié sans son dossier assets). Remettez-le en place, ou remplacez l’image de cette figure.`,
  };
}

function damaged(shown: string): AssetContent {
  return {
    missing: 'damaged',
    short: 'fichier endommagé',
    message: fr`Image endommagée : le fichier ${shown} ne correspond plus à l’image importée (modifié ou abîmé depuis). Remplacez l’image de cette figure, ou remettez le fichier d’origine.`,
  };
}

const isAbsent = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** For the host (assets:read): read and hashed in chunks, so a 20 MB image never holds its event loop. */
export async function readVerifiedAsset(layout: RepositoryLayout, assetId: string): Promise<AssetContent> {
  const path = layout.assetFile(assetId);
  const shown = layout.display(path);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (isAbsent(error)) return absent(shown);
    throw ioFailure(error, 'lire', shown);
  }
  return matches(hash.digest('hex'), assetId) ? { bytes: Buffer.concat(chunks) } : damaged(shown);
}

/**
 * For the worker processes that build documents: the images of a sheet, read where they
 * are needed (their bytes never cross from the host), in one go.
 */
export function loadVerifiedAssets(files: ReadonlyMap<string, string>): Map<string, AssetContent> {
  const assets = new Map<string, AssetContent>();
  for (const [assetId, file] of files) {
    const shown = `assets/${assetId}`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if (!isAbsent(error)) throw ioFailure(error, 'lire', shown);
      assets.set(assetId, absent(shown));
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    assets.set(assetId, matches(digest, assetId) ? { bytes } : damaged(shown));
  }
  return assets;
}
