import { oleFile } from './ole-writer.js';
import { p, rawDocx } from './raw-docx.js';

/**
 * Files a user may give where a Word document is expected, that no reader can take: each
 * with its name, its bytes, the reason the refusal gives (details.reason) and words of its
 * French message. The import and the import of a Word review refuse them alike.
 */

const ZIP_BOMB = () =>
  rawDocx({
    body: p('Une fiche piégée.'),
    parts: { 'word/media/image1.png': Buffer.alloc(10 * 1024 * 1024) },
    zip: {
      aliases: {
        of: 'word/media/image1.png',
        names: Array.from({ length: 300 }, (_, i) => `word/media/copie${i}.png`),
      },
    },
  });

export const UNREADABLE_FILES: [name: string, bytes: () => Buffer, reason: string, words: string][] = [
  [
    'pas-un-zip.docx',
    () => Buffer.from('Du texte, pas un document.'),
    'not-zip',
    'n’est pas un document Word (.docx)',
  ],
  ['archive.docx', () => rawDocx({ body: '' }).subarray(0, 0), 'empty', 'est vide'],
  [
    'protege.docx',
    () => oleFile(['EncryptionInfo', 'EncryptedPackage']),
    'encrypted',
    'protégé par un mot de passe',
  ],
  [
    'ancienne.doc',
    () => oleFile(['WordDocument', 'SummaryInformation']),
    'word-97',
    'enregistrez-le au format .docx',
  ],
  ['piege.docx', ZIP_BOMB, 'zip-bomb', '«\u00a0bombe zip\u00a0»'],
  [
    'chiffres.xlsx',
    () =>
      rawDocx({
        body: '',
        mainType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      }),
    'not-docx',
    'un classeur Excel',
  ],
];
