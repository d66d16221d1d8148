import { posix } from 'node:path';
import type { Document } from '@xmldom/xmldom';
import { fr } from '../french.js';
import type { DocxLimits } from './limits.js';
import { isOleFile, oleEntryNames } from './ole.js';
import { docxRefusal } from './refusal.js';
import { attr, childElements, is, NS, parseXml, plainAttr, XmlProblem } from './xml.js';
import { openZip, type ZipArchive } from './zip.js';

/**
 * The package of a .docx (Open Packaging Conventions): which file it really is, its parts,
 * their content types and their relationships. Everything that is not a Word document is
 * refused here with a message naming what it is and what to do.
 */

export interface Relationship {
  id: string;
  /** The type's last segment, lower case without hyphens (« officedocument », « image », « comments »…), the same in strict and transitional. */
  type: string;
  /** A part name (« word/media/image1.png ») for internal targets; the target as written for external ones. */
  target: string;
  external: boolean;
}

export type MediaRead = { bytes: Buffer } | { missing: true } | { tooLarge: number };

export interface DocxPackage {
  readonly fileName: string;
  readonly limits: DocxLimits;
  /** Written in « Strict Open XML » (purl.oclc.org namespaces). */
  readonly strict: boolean;
  readonly mainPart: string;
  /** The part's parsed XML; undefined when the package has no such part. */
  xml(part: string): Document | undefined;
  /** The relationships of a part (`''` for the package's own). */
  relationships(part: string): Relationship[];
  /** The first relationship of a type from a part, resolved. */
  related(part: string, type: string): Relationship | undefined;
  media(part: string): MediaRead;
}

const WORD_MAIN_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
];

const OTHER_OFFICE = [
  { pattern: /spreadsheetml|ms-excel/, what: 'un classeur Excel' },
  { pattern: /presentationml|ms-powerpoint/, what: 'une présentation PowerPoint' },
];

const relativeTo = (part: string) => (part === '' ? '' : posix.dirname(part));

function relsPartOf(part: string): string {
  if (part === '') return '_rels/.rels';
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target with a stray « % » is used as written.
  }
  const joined = decoded.startsWith('/') ? decoded : posix.join(relativeTo(source), decoded);
  return posix.normalize(joined).replace(/^\/+/, '');
}

/** « core-properties » and strict's « coreProperties » are the same: compared as « coreproperties ». */
const typeName = (type: string) =>
  type
    .slice(type.lastIndexOf('/') + 1)
    .replace(/-/g, '')
    .toLowerCase();

class Package implements DocxPackage {
  readonly strict: boolean;
  readonly mainPart: string;
  private readonly parsed = new Map<string, Document | undefined>();
  private readonly rels = new Map<string, Relationship[]>();
  private readonly contentTypes: { defaults: Map<string, string>; overrides: Map<string, string> };

  constructor(
    private readonly zip: ZipArchive,
    readonly fileName: string,
    readonly limits: DocxLimits,
  ) {
    this.contentTypes = this.readContentTypes();
    const office = this.related('', 'officeDocument');
    const main = office && this.zip.find(office.target) ? office.target : this.guessMainPart();
    this.checkMainType(main);
    this.mainPart = main;
    this.strict = this.isStrict(main);
  }

  xml(part: string): Document | undefined {
    const name = this.zip.find(part);
    if (!name) return undefined;
    if (this.parsed.has(name)) return this.parsed.get(name);
    const bytes = this.zip.read(name, this.limits.maxXmlPartBytes);
    let document: Document;
    try {
      document = parseXml(bytes);
    } catch (error) {
      if (!(error instanceof XmlProblem)) throw error;
      throw docxRefusal(
        'damaged',
        fr`Le document « ${this.fileName} » est endommagé : sa partie ${name} est illisible (${error.message}). Ouvrez-le dans Word ou LibreOffice, enregistrez-le à nouveau, puis importez la copie.`,
        this.fileName,
      );
    }
    this.parsed.set(name, document);
    return document;
  }

  relationships(part: string): Relationship[] {
    const cached = this.rels.get(part);
    if (cached) return cached;
    const root = this.xml(relsPartOf(part))?.documentElement;
    const found: Relationship[] = [];
    for (const element of root ? childElements(root) : []) {
      if (!is(element, NS.rels, 'Relationship')) continue;
      const id = plainAttr(element, 'Id');
      const type = plainAttr(element, 'Type');
      const target = plainAttr(element, 'Target');
      if (!id || !type || target === undefined) continue;
      const external = plainAttr(element, 'TargetMode')?.toLowerCase() === 'external';
      found.push({
        id,
        type: typeName(type),
        target: external ? target : resolveTarget(part, target),
        external,
      });
    }
    this.rels.set(part, found);
    return found;
  }

  related(part: string, type: string): Relationship | undefined {
    const wanted = typeName(type);
    return this.relationships(part).find((rel) => rel.type === wanted && !rel.external);
  }

  media(part: string): MediaRead {
    const name = this.zip.find(part);
    if (!name) return { missing: true };
    const size = this.zip.declaredSize(name);
    if (size > this.limits.maxMediaBytes) return { tooLarge: size };
    return { bytes: this.zip.read(name, this.limits.maxMediaBytes) };
  }

  private readContentTypes() {
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    const root = this.xml('[Content_Types].xml')?.documentElement;
    if (!root) throw this.notDocx();
    for (const element of childElements(root)) {
      const type = plainAttr(element, 'ContentType');
      if (!type) continue;
      if (is(element, NS.ct, 'Default'))
        defaults.set((plainAttr(element, 'Extension') ?? '').toLowerCase(), type);
      if (is(element, NS.ct, 'Override')) {
        overrides.set((plainAttr(element, 'PartName') ?? '').replace(/^\/+/, '').toLowerCase(), type);
      }
    }
    return { defaults, overrides };
  }

  private contentType(part: string): string | undefined {
    const key = part.toLowerCase();
    return (
      this.contentTypes.overrides.get(key) ?? this.contentTypes.defaults.get(posix.extname(key).slice(1))
    );
  }

  /** A package whose relationships are broken but that holds a Word body where Word puts it. */
  private guessMainPart(): string {
    const byType = [...this.contentTypes.overrides].find(([, type]) => WORD_MAIN_TYPES.includes(type));
    const candidate = byType?.[0] ?? 'word/document.xml';
    if (!this.zip.find(candidate)) throw this.notDocx();
    return candidate;
  }

  private checkMainType(part: string): void {
    const type = this.contentType(part) ?? '';
    if (WORD_MAIN_TYPES.includes(type)) return;
    const other = OTHER_OFFICE.find(({ pattern }) => pattern.test(type));
    if (other) {
      throw docxRefusal(
        'not-docx',
        fr`Le fichier « ${this.fileName} » est ${other.what}, pas un document Word : seules les fiches en .docx s’importent.`,
        this.fileName,
      );
    }
    throw this.notDocx();
  }

  /** The body's root element says which flavour of the format the file uses. */
  private isStrict(part: string): boolean {
    const root = this.xml(part)?.documentElement;
    if (!root || !is(root, NS.w, 'document')) {
      throw docxRefusal(
        'damaged',
        fr`Le document « ${this.fileName} » est endommagé : sa partie ${part} n’est pas un corps de document Word.`,
        this.fileName,
      );
    }
    return root.namespaceURI === NS.w[1] || attr(root, NS.w, 'conformance') === 'strict';
  }

  private notDocx() {
    return docxRefusal(
      'not-docx',
      fr`Le fichier « ${this.fileName} » est une archive zip mais pas un document Word (.docx) : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx.`,
      this.fileName,
    );
  }
}

const ZIP_SIGNATURES = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('PK\u0005\u0006', 'latin1')];

function startsWith(bytes: Buffer, prefix: string | Buffer): boolean {
  const head = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= head.length && bytes.subarray(0, head.length).equals(head);
}

/** What a file that is not a zip is, from its first bytes, as the user would name it. */
function notAZip(bytes: Buffer, name: string) {
  if (bytes.length === 0) {
    return docxRefusal('empty', fr`Le fichier « ${name} » est vide : il ne contient aucun document.`, name);
  }
  if (isOleFile(bytes)) {
    const streams = new Set(oleEntryNames(bytes));
    if (streams.has('EncryptedPackage') || streams.has('EncryptionInfo')) {
      return docxRefusal(
        'encrypted',
        fr`Le document « ${name} » est protégé par un mot de passe : Fiches ne peut pas le lire. Ouvrez-le dans Word, retirez le mot de passe (Fichier › Informations › Protéger le document), enregistrez-le, puis importez-le à nouveau.`,
        name,
      );
    }
    if (streams.has('WordDocument')) {
      return docxRefusal(
        'word-97',
        fr`Le fichier « ${name} » est au format Word 97-2003 (.doc), que Fiches ne lit pas : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx, puis importez ce fichier .docx.`,
        name,
      );
    }
    return docxRefusal(
      'not-docx',
      fr`Le fichier « ${name} » est un ancien fichier Office (Excel, PowerPoint…), pas un document Word (.docx).`,
      name,
    );
  }
  if (startsWith(bytes, '{\\rtf')) {
    return docxRefusal(
      'rtf',
      fr`Le fichier « ${name} » est au format RTF : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx, puis importez ce fichier .docx.`,
      name,
    );
  }
  if (startsWith(bytes, '%PDF')) {
    return docxRefusal(
      'pdf',
      fr`Le fichier « ${name} » est un PDF : Fiches n’importe que des documents Word (.docx). Demandez le fichier Word d’origine, ou convertissez le PDF en .docx dans Word.`,
      name,
    );
  }
  return docxRefusal(
    'not-zip',
    fr`Le fichier « ${name} » n’est pas un document Word (.docx) : son contenu n’est pas celui d’un fichier .docx. Vérifiez que c’est bien le bon fichier, ou enregistrez-le au format .docx depuis Word.`,
    name,
  );
}

/** Refuses an OpenDocument text (a zip too), which LibreOffice saves by default. */
function checkNotOpenDocument(zip: ZipArchive, name: string): void {
  if (zip.find('[Content_Types].xml') || !zip.find('mimetype')) return;
  const mimetype = zip.read(zip.find('mimetype') ?? 'mimetype', 200).toString('latin1');
  if (!mimetype.startsWith('application/vnd.oasis.opendocument')) return;
  throw docxRefusal(
    'opendocument',
    fr`Le fichier « ${name} » est au format OpenDocument (.odt) : ouvrez-le dans LibreOffice et enregistrez-le au format Word (.docx), puis importez ce fichier .docx.`,
    name,
  );
}

export function openPackage(bytes: Buffer, name: string, limits: DocxLimits): DocxPackage {
  if (!ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) throw notAZip(bytes, name);
  const zip = openZip(bytes, limits, name);
  checkNotOpenDocument(zip, name);
  return new Package(zip, name, limits);
}
