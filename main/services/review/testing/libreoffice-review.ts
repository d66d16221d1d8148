import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A reviewer using LibreOffice rather than Word: soffice opens an exported .docx, a Basic
 * macro turns « Enregistrer les modifications » on, adds a comment on some words, inserts
 * and deletes text, and saves as Word 2007-365. The macro lives in a profile of its own
 * (each run gets one, so parallel tests never share a profile), in its « Mes macros »
 * library, which LibreOffice trusts.
 */
const run = promisify(execFile);
const OFFICE_TIMEOUT_MS = 120_000;

export interface OfficeReview {
  comment: { quote: string; author: string; text: string };
  insert: { after: string; text: string };
  remove: string;
}

const basic = (value: string) => `"${value.replace(/"/g, '""')}"`;
const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function macro(review: OfficeReview): string {
  return `Sub Review(inPath As String, outPath As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden"
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, hidden())
  doc.RecordChanges = True
  search = doc.createSearchDescriptor()
  search.SearchString = ${basic(review.comment.quote)}
  found = doc.findFirst(search)
  note = doc.createInstance("com.sun.star.text.textfield.Annotation")
  note.Author = ${basic(review.comment.author)}
  note.Content = ${basic(review.comment.text)}
  found.getText().insertTextContent(found, note, True)
  search.SearchString = ${basic(review.insert.after)}
  found = doc.findFirst(search)
  found.collapseToEnd()
  found.getText().insertString(found, ${basic(review.insert.text)}, False)
  search.SearchString = ${basic(review.remove)}
  found = doc.findFirst(search)
  found.setString("")
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.close(True)
  StarDesktop.terminate()
End Sub
`;
}

export async function reviewInLibreOffice(
  docx: Buffer,
  workDir: string,
  review: OfficeReview,
): Promise<Buffer> {
  const profile = join(workDir, 'lo-review-profile');
  const input = join(workDir, 'exporte.docx');
  const output = join(workDir, 'relu.docx');
  await writeFile(input, docx);
  const office = (args: string[]) =>
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', ...args], {
      timeout: OFFICE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
  // A first start writes the profile, « Mes macros » included; the macro then replaces its Module1.
  await office(['--terminate_after_init']);
  const standard = join(profile, 'user', 'basic', 'Standard');
  await mkdir(standard, { recursive: true });
  await writeFile(
    join(standard, 'Module1.xba'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xmlText(macro(review))}</script:module>
`,
  );
  await office([`macro:///Standard.Module1.Review(${basic(input)},${basic(output)})`]);
  return readFile(output);
}
