import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import {
  imageKinds,
  MAX_ASPECT_RATIO,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  notAnImageMessage,
  pixelsMessage,
  proportionsMessage,
  tooLargeMessage,
  type ImageExtension,
  type ImportedAsset,
} from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';
import { withIo } from '../storage/io-errors.js';
import { runJob } from '../worker/run-job.js';
import { rasterSize, sniffImage } from './sniff.js';
import type { SanitizeOutcome } from './svg-sanitize.js';

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

/** Cleaning an SVG at the limits takes a few seconds; a minute means something is wrong. */
export const SANITIZE_TIMEOUT_MS = 60_000;

/** Where an SVG is cleaned: a worker process for the hosts, this process for build scripts. */
export type SvgCleaner = (name: string, bytes: Buffer) => Promise<SanitizeOutcome>;

/** Seconds of parsing for a large file, off the host's event loop, and never more than a minute. */
export const cleanInWorker: SvgCleaner = (name, bytes) =>
  runJob('sanitize-svg', bytes, {
    timeoutMs: SANITIZE_TIMEOUT_MS,
    onTimeout: () =>
      refuse(
        'too-complex',
        fr`L’image SVG « ${name} » demande trop de calcul pour être vérifiée (plus de ${SANITIZE_TIMEOUT_MS / 1000}\u00a0s) : simplifiez-la, ou utilisez une image PNG.`,
        name,
      ),
  }).catch((error: unknown) => {
    // The worker itself failed (it crashed): say which image could not be checked.
    if (!(error instanceof AppFailure) || error.details?.reason !== 'worker-crashed') throw error;
    throw new AppFailure(
      'internal',
      fr`L’image SVG « ${name} » n’a pas pu être vérifiée : ${error.message} Réessayez ; si cela se reproduit, utilisez une image PNG.`,
      { ...error.details, name },
    );
  });

/** The parser and the CSS checker are loaded only where cleaning happens: a host never loads them. */
export const cleanInProcess: SvgCleaner = async (_name, bytes) =>
  (await import('./svg-sanitize.js')).sanitizeOrRefuse(bytes);

async function cleanSvg(name: string, bytes: Buffer, clean: SvgCleaner): Promise<Prepared> {
  const outcome = await clean(name, bytes);
  if ('refused' in outcome) {
    throw refuse(
      outcome.refused.reason,
      fr`L’image SVG « ${name} » est refusée : ${outcome.refused.message}. Ré-exportez-la depuis votre logiciel de dessin, ou utilisez une image PNG.`,
      name,
    );
  }
  const { svg, removed, width, height } = outcome;
  return { kind: 'svg', stored: Buffer.from(svg, 'utf8'), removed, width, height };
}

/** A figure's image must have proportions a page can show and, decoded, fit in memory. */
function checkDimensions(name: string, prepared: Prepared): void {
  const { kind, width, height } = prepared;
  if (!width || !height) return;
  if (Math.max(width / height, height / width) > MAX_ASPECT_RATIO) {
    throw refuse('proportions', proportionsMessage(name, width, height), name);
  }
  // An SVG's size is in units of its own; only a raster's pixels are decoded as such.
  if (kind !== 'svg' && width * height > MAX_IMAGE_PIXELS) {
    throw refuse('too-many-pixels', pixelsMessage(name, width, height), name);
  }
}

/** Checks the bytes and returns what to store: the file as given, or an SVG cleaned of anything active. */
export async function prepareImage(
  name: string,
  bytes: Buffer,
  clean: SvgCleaner = cleanInWorker,
): Promise<Prepared> {
  const kind = sniffImage(bytes);
  if (!kind) throw refuse('not-an-image', notAnImageMessage(name), name);
  let prepared: Prepared;
  if (kind === 'svg') prepared = await cleanSvg(name, bytes, clean);
  else {
    const size = rasterSize(bytes, kind);
    if (!size) {
      throw refuse(
        'damaged',
        fr`Le fichier « ${name} » commence comme une image ${imageKinds[kind].label} mais n’en est pas une lisible (fichier tronqué ou endommagé) : ouvrez-le dans un logiciel d’images et enregistrez-le à nouveau.`,
        name,
      );
    }
    prepared = { kind, stored: bytes, removed: [], ...size };
  }
  checkDimensions(name, prepared);
  return prepared;
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
  const prepared = await prepareImage(request.name, decode(request));
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
