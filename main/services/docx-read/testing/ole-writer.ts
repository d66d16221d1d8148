/**
 * The smallest well-formed OLE compound file (version 3, 512-byte sectors) holding empty
 * streams of the given names: what a reader meets in a password-protected .docx
 * (« EncryptionInfo », « EncryptedPackage ») or a Word 97 .doc (« WordDocument »), down to
 * the allocation table and the directory's sibling tree.
 */
const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const FREE = 0xffffffff;

function directoryEntry(name: string, type: 2 | 5, child: number, right: number): Buffer {
  const entry = Buffer.alloc(128);
  const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
  encoded.copy(entry, 0);
  entry.writeUInt16LE(encoded.length, 0x40);
  entry[0x42] = type;
  entry[0x43] = 1; // black
  entry.writeUInt32LE(FREE, 0x44); // left sibling
  entry.writeUInt32LE(right, 0x48);
  entry.writeUInt32LE(child, 0x4c);
  entry.writeUInt32LE(END_OF_CHAIN, 0x74); // start sector: the streams are empty
  return entry;
}

export function oleFile(streams: string[]): Buffer {
  if (streams.length > 3) throw new Error('one directory sector holds the root and three streams');
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  const entries = [
    directoryEntry('Root Entry', 5, streams.length > 0 ? 1 : FREE, FREE),
    ...streams.map((name, index) =>
      directoryEntry(name, 2, FREE, index + 2 <= streams.length ? index + 2 : FREE),
    ),
  ];
  const directory = Buffer.alloc(SECTOR);
  entries.forEach((entry, index) => entry.copy(directory, index * 128));
  return Buffer.concat([header, fat, directory]);
}
