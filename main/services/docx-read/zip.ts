import { crc32, inflateRawSync } from 'node:zlib';
import { fr } from '../french.js';
import { megabytes, type DocxLimits } from './limits.js';
import { docxRefusal } from './refusal.js';

/**
 * The zip container of a .docx, read from its central directory. Written here rather than
 * taken from fflate's unzipSync because that one sizes its output from the size the file
 * declares and, when the data says otherwise, silently truncates it while still inflating
 * all of it; it does not show the entries' flags either. Here every entry is checked before
 * anything is inflated (declared sizes against the limits, entries that share or overlap
 * their compressed bytes, encryption), and each inflate is stopped by zlib itself at the
 * declared size (`maxOutputLength`), so a lying entry costs no more than an honest one.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where its compressed bytes start, once its local header is read. */
  dataStart: number;
}

export interface ZipArchive {
  /** Entry names as written (folders included). */
  readonly names: readonly string[];
  /** The entry's name as written, found case-insensitively (OPC part names ignore case); undefined if absent. */
  find(name: string): string | undefined;
  /** The size the entry declares once decompressed. */
  declaredSize(name: string): number;
  /** The entry's bytes; refuses when it would pass `max` or the file's total budget. */
  read(name: string, max: number): Buffer;
}

function readU64(bytes: Buffer, offset: number): number {
  const value = bytes.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

class ZipReader implements ZipArchive {
  readonly names: string[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly byLowerName = new Map<string, string>();
  private used = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: DocxLimits,
    private readonly fileName: string,
  ) {
    this.readDirectory();
  }

  find(name: string): string | undefined {
    return this.byLowerName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  declaredSize(name: string): number {
    return this.entry(name).size;
  }

  read(name: string, max: number): Buffer {
    const entry = this.entry(name);
    if (entry.size > max) {
      throw this.bomb(
        fr`la partie ${name} annonce ${megabytes(entry.size)}, au-delà de la limite de ${megabytes(max)}`,
      );
    }
    if (this.used + entry.size > this.limits.maxTotalBytes) {
      throw this.bomb(fr`son contenu décompressé dépasserait ${megabytes(this.limits.maxTotalBytes)}`);
    }
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let output: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw this.damaged(fr`la partie ${name} a une taille incohérente`);
      output = Buffer.from(data);
    } else if (entry.size === 0) {
      output = Buffer.alloc(0);
    } else {
      try {
        output = inflateRawSync(data, { maxOutputLength: entry.size });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw this.bomb(fr`la partie ${name} se décompresse au-delà de la taille qu’elle annonce`);
        }
        throw this.damaged(fr`la partie ${name} ne se décompresse pas`);
      }
    }
    if (crc32(output) !== entry.crc)
      throw this.damaged(fr`la partie ${name} est altérée (somme de contrôle)`);
    this.used += output.length;
    return output;
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`zip entry ${name} not found`);
    return entry;
  }

  private readDirectory(): void {
    const { bytes } = this;
    const eocd = this.findEocd();
    let count = bytes.readUInt16LE(eocd + 10);
    let directorySize = bytes.readUInt32LE(eocd + 12);
    let directoryOffset = bytes.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryOffset === U32_MAX || directorySize === U32_MAX) {
      const locator = eocd - 20;
      if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR)
        throw this.damaged('répertoire zip64 absent');
      const zip64 = readU64(bytes, locator + 8);
      if (zip64 + 56 > bytes.length || bytes.readUInt32LE(zip64) !== ZIP64_EOCD) {
        throw this.damaged('répertoire zip64 illisible');
      }
      count = readU64(bytes, zip64 + 32);
      directorySize = readU64(bytes, zip64 + 40);
      directoryOffset = readU64(bytes, zip64 + 48);
    }
    if (count > this.limits.maxEntries) {
      throw this.bomb(fr`il contient ${count} entrées (au plus ${this.limits.maxEntries})`);
    }
    if (directoryOffset + directorySize > bytes.length) throw this.damaged('répertoire tronqué');
    let offset = directoryOffset;
    for (let index = 0; index < count; index += 1) offset = this.readCentralEntry(offset);
    this.checkLayout(directoryOffset);
  }

  private findEocd(): number {
    const { bytes } = this;
    const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
    for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
      if (bytes.readUInt32LE(offset) === EOCD) return offset;
    }
    throw this.damaged('fin d’archive introuvable (fichier tronqué ?)');
  }

  private readCentralEntry(offset: number): number {
    const { bytes } = this;
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) {
      throw this.damaged('répertoire central illisible');
    }
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw this.damaged('répertoire central tronqué');
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    // Bit 11: UTF-8 names; older writers use code page 437, whose ASCII part is all OOXML needs.
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const sizes = {
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    };
    this.readZip64Extra(
      bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength),
      sizes,
    );
    if (this.entries.has(name)) throw this.damaged(fr`la partie ${name} y figure deux fois`);
    if (flags & 0x1) {
      throw docxRefusal(
        'encrypted',
        fr`Le document « ${this.fileName} » est chiffré : Fiches ne peut pas le lire. Ouvrez-le dans Word, retirez sa protection par mot de passe, enregistrez-le, puis importez-le à nouveau.`,
        this.fileName,
      );
    }
    if (!name.endsWith('/') && method !== 0 && method !== 8) {
      throw this.damaged(fr`la partie ${name} utilise une compression inconnue (${method})`);
    }
    this.entries.set(name, {
      name,
      flags,
      method,
      crc: bytes.readUInt32LE(offset + 16),
      ...sizes,
      dataStart: 0,
    });
    this.names.push(name);
    this.byLowerName.set(name.toLowerCase(), name);
    return end;
  }

  /** Sizes and offset too large for 32 bits are in the zip64 extra field (id 1), in this order. */
  private readZip64Extra(
    extra: Buffer,
    sizes: { compressedSize: number; size: number; localOffset: number },
  ) {
    for (let at = 0; at + 4 <= extra.length;) {
      const id = extra.readUInt16LE(at);
      const length = extra.readUInt16LE(at + 2);
      if (id === 1) {
        let field = at + 4;
        const next = () => {
          if (field + 8 > at + 4 + length) throw this.damaged('champ zip64 tronqué');
          const value = readU64(extra, field);
          field += 8;
          return value;
        };
        if (sizes.size === U32_MAX) sizes.size = next();
        if (sizes.compressedSize === U32_MAX) sizes.compressedSize = next();
        if (sizes.localOffset === U32_MAX) sizes.localOffset = next();
        return;
      }
      at += 4 + length;
    }
  }

  /**
   * Each entry's compressed bytes lie in the file, before the central directory, and no two
   * entries share any: overlapping entries are how a small file expands to gigabytes.
   */
  private checkLayout(directoryOffset: number): void {
    const { bytes } = this;
    const sorted = [...this.entries.values()].sort((a, b) => a.localOffset - b.localOffset);
    let previousEnd = 0;
    for (const entry of sorted) {
      const at = entry.localOffset;
      if (at < previousEnd)
        throw this.bomb('plusieurs de ses parties partagent les mêmes données compressées');
      if (at + 30 > directoryOffset || bytes.readUInt32LE(at) !== LOCAL) {
        throw this.damaged(fr`en-tête de la partie ${entry.name} introuvable`);
      }
      entry.dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
      previousEnd = entry.dataStart + entry.compressedSize;
      if (previousEnd > directoryOffset) throw this.damaged(fr`la partie ${entry.name} est tronquée`);
    }
  }

  private damaged(detail: string) {
    return docxRefusal(
      'damaged',
      fr`Le fichier « ${this.fileName} » est endommagé (${detail}) : ouvrez-le dans Word ou LibreOffice et enregistrez-le à nouveau, puis importez la copie.`,
      this.fileName,
    );
  }

  private bomb(detail: string) {
    return docxRefusal(
      'zip-bomb',
      fr`Le fichier « ${this.fileName} » est refusé : ${detail}. Un document Word ordinaire n’est jamais ainsi ; c’est le signe d’un fichier piégé (« bombe zip ») ou corrompu.`,
      this.fileName,
    );
  }
}

/** Opens a zip held in memory; refuses (French message) what is not a sound zip within the limits. */
export function openZip(bytes: Buffer, limits: DocxLimits, fileName: string): ZipArchive {
  return new ZipReader(bytes, limits, fileName);
}
