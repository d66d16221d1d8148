/**
 * The custom properties (docProps/custom.xml) a Word export of a sheet carries: the sheet
 * and the revision its content is, so that « Importer une relecture Word… » recognises a
 * file Fiches made and compares the reviewer's text with the right version.
 */
export const EXPORT_PROPERTIES = {
  sheet: 'FichesSheet',
  revision: 'FichesRevision',
} as const;
