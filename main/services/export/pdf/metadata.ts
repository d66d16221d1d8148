import type { PDFDocument } from 'pdf-lib';
import type { PrintMetadata } from '../print/document.js';

/**
 * Chromium writes the document's <title> as the PDF's Title and nothing else of use: the
 * author, subject, keywords, language and producer are written here, with pdf-lib, into
 * the PDF it printed.
 */
export function writeMetadata(document: PDFDocument, metadata: PrintMetadata, now = new Date()): void {
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setLanguage(metadata.language);
  document.setCreator('Fiches');
  document.setProducer('Fiches (Chromium, pdf-lib)');
  document.setCreationDate(now);
  document.setModificationDate(now);
}
