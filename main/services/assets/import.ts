import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import {
  imageKinds,
  MAX_IMAGE_BYTES,
  notAnImageMessage,
  tooLargeMessage,
  type ImageExtension,
  type ImportedAsset,
} from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';
import { withIo } from '../storage/io-errors.js';
import { rasterSize, sniffImage } from './sniff.js';
import { sanitizeSvg, SvgRefused } from './svg-sanitize.js';

export interface ImportRequest {
  /** The file's name, for messages only. */
  name: string;
  /** What the sender believes it is; the bytes decide. */
  mediaType: string;
  base64: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function refuse(reason: string, message: string, name: string): AppFailure {
  return new AppFailure('unsupported', message, { reason, name });
}

function decode(request: ImportRequest): Buffer {
  const { name, base64 } = request;
  // The size is known before decoding: a flood is refused without allocating it.
  const estimated = Math.floor((base64.length * 3) / 4);
  if (estimated > MAX_IMAGE_BYTES + 2) throw refuse('too-large', tooLargeMessage(name, estimated), name);
  if (!BASE64.test(base64)) {
    throw refuse(
      'damaged',
      fr`Le fichier « ${name} » est arrivé abîmé (encodage invalide) : réessayez.`,
      name,
    );
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw refuse('too-large', tooLargeMessage(name, bytes.length), name);
  return bytes;
}

export interface Prepared {
  kind: ImageExtension;
  stored: Buffer;
  width?: number;
  height?: number;
  removed: string[];
}

/** Checks the bytes and returns what to store: the file as given, or an SVG cleaned of anything active. */
export function prepareImage(name: string, bytes: Buffer): Prepared {
  const kind = sniffImage(bytes);
  if (!kind) throw refuse('not-an-image', notAnImageMessage(name), name);
  if (kind === 'svg') {
    try {
      const { svg, removed, width, height } = sanitizeSvg(bytes.toString('utf8'));
      return { kind, stored: Buffer.from(svg, 'utf8'), removed, width, height };
    } catch (error) {
      if (!(error instanceof SvgRefused)) throw error;
      throw refuse(
        'damaged',
        fr`L’image SVG « ${name} » est refusée : ${error.message}. Ré-exportez-la depuis votre logiciel de dessin, ou utilisez une image PNG.`,
        name,
      );
    }
  }
  const size = rasterSize(bytes, kind);
  if (!size) {
    throw refuse(
      'damaged',
      fr`Le fichier « ${name} » commence comme une image ${imageKinds[kind].label} mais n’en est pas une lisible (fichier tronqué ou endommagé) : ouvrez-le dans un logiciel d’images et enregistrez-le à nouveau.`,
      name,
    );
  }
  return { kind, stored: bytes, removed: [], ...size };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The name an image is stored under: the SHA-256 of what is stored, and its kind. */
export function assetIdOf(prepared: Prepared): string {
  return `${createHash('sha256').update(prepared.stored).digest('hex')}.${prepared.kind}`;
}

/**
 * Stores a prepared image in assets/ unless it is there already (the same image in two
 * figures, two sheets is one file, written once). Answers whether this call wrote it.
 */
export async function storeImage(context: RepositoryContext, prepared: Prepared): Promise<boolean> {
  const { layout } = context;
  const path = layout.assetFile(assetIdOf(prepared));
  return context.queue.run(`asset:${assetIdOf(prepared)}`, () =>
    withIo('enregistrer', layout.display(path), async () => {
      if (await exists(path)) return false;
      await makeDirectoryDurable(layout.assetsDir);
      await writeFileDurable(path, prepared.stored);
      return true;
    }),
  );
}

/** assets:import: an image checked, cleaned when it is an SVG, and stored. */
export async function importAsset(
  context: RepositoryContext,
  request: ImportRequest,
): Promise<ImportedAsset> {
  const prepared = prepareImage(request.name, decode(request));
  const { kind, stored, removed, width, height } = prepared;
  await storeImage(context, prepared);
  return {
    assetId: assetIdOf(prepared),
    mediaType: imageKinds[kind].mediaType,
    bytes: stored.length,
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
    removed,
  };
}
