/**
 * Office files that are not zips are OLE compound files (the container of Word 97-2003's
 * .doc, and the envelope Word puts a password-protected .docx in). Only the names of their
 * streams are read here, enough to say which it is: « WordDocument » for a .doc,
 * « EncryptionInfo » and « EncryptedPackage » for an encrypted document.
 */

export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT = 109;
const DIRECTORY_ENTRY = 128;

export function isOleFile(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.subarray(0, 8).equals(OLE_SIGNATURE);
}

class Sectors {
  readonly size: number;
  readonly count: number;

  constructor(private readonly bytes: Buffer) {
    this.size = 1 << bytes.readUInt16LE(0x1e);
    this.count = Math.floor(bytes.length / this.size) - 1;
  }

  valid(sector: number): boolean {
    return sector >= 0 && sector < this.count;
  }

  /** Sector n starts after the header, which takes one sector's room. */
  read(sector: number): Buffer {
    const start = (sector + 1) * this.size;
    return this.bytes.subarray(start, start + this.size);
  }
}

/** The sectors holding the allocation table: 109 listed in the header, the rest in the DIFAT chain. */
function fatSectors(bytes: Buffer, sectors: Sectors): number[] {
  const listed: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i += 1) listed.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  const perSector = sectors.size / 4 - 1;
  for (let hops = 0; sectors.valid(difat) && hops < sectors.count; hops += 1) {
    const sector = sectors.read(difat);
    for (let i = 0; i < perSector; i += 1) listed.push(sector.readUInt32LE(i * 4));
    difat = sector.readUInt32LE(perSector * 4);
  }
  return listed.filter((sector) => sector !== FREE_SECTOR && sectors.valid(sector));
}

/** The names of every storage and stream in the file; empty when its structure cannot be read. */
export function oleEntryNames(bytes: Buffer): string[] {
  try {
    const sectors = new Sectors(bytes);
    if (sectors.size !== 512 && sectors.size !== 4096) return [];
    const fat = fatSectors(bytes, sectors).map((sector) => sectors.read(sector));
    const perFatSector = sectors.size / 4;
    const next = (sector: number): number => {
      const table = fat[Math.floor(sector / perFatSector)];
      return table ? table.readUInt32LE((sector % perFatSector) * 4) : END_OF_CHAIN;
    };
    const names: string[] = [];
    let sector = bytes.readUInt32LE(0x30);
    // A chain that loops is cut after as many hops as the file has sectors.
    for (let hops = 0; sectors.valid(sector) && hops < sectors.count; hops += 1) {
      const directory = sectors.read(sector);
      for (let at = 0; at + DIRECTORY_ENTRY <= directory.length; at += DIRECTORY_ENTRY) {
        const length = directory.readUInt16LE(at + 0x40);
        const type = directory[at + 0x42];
        if (type === 0 || length < 2 || length > 64) continue;
        names.push(directory.subarray(at, at + length - 2).toString('utf16le'));
      }
      sector = next(sector);
    }
    return names;
  } catch {
    return [];
  }
}
