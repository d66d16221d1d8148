import { z } from 'zod';
import { revisionSummarySchema } from '../model/history.js';
import { idSchema } from '../model/ids.js';
import { nameSchema } from '../model/names.js';

/**
 * Importing the agency's Word sheets, spread into the contract (contract.ts). The file
 * crosses as base64 twice: once to be analysed (what Fiches proposes, nothing written),
 * once with the user's choices to be imported. No analysis is kept between the two, so
 * the host holds no state; the fingerprint proves the choices are about the same file.
 */

/** The desktop menu's command (Fichier › Importer des fiches Word…) the page carries out. */
export const IMPORT_MENU_COMMAND = 'import:docx';

/** Larger files are refused by the hosts before they are read. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The browser host accepts requests of 32 MiB at most (main/web/api.ts): the file's base64,
 * a third larger, and the JSON around it must fit. The interface says so before sending.
 */
export const BROWSER_IMPORT_FILE_BYTES = 23 * 1024 * 1024;

/** Where a part of the document goes. `unplaced` goes to the section chosen for what was not placed. */
export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), section: idSchema }).strict(),
  z.object({ kind: z.literal('scenario-title'), hypothesis: idSchema }).strict(),
  z.object({ kind: z.literal('scenario-angle'), hypothesis: idSchema, angle: idSchema }).strict(),
  z.object({ kind: z.literal('unplaced') }).strict(),
  z.object({ kind: z.literal('skip') }).strict(),
]);

export type ImportTarget = z.infer<typeof importTargetSchema>;

export const importPartSchema = z.object({
  id: z.string(),
  /** Where it is in the Word file, as a reader names it (« Titre « Quelle a été… » »). */
  origin: z.string(),
  /** Its first words. */
  excerpt: z.string(),
  /** A `title` part is a micro-scenario's title (a line of text); the others hold blocks. */
  nature: z.enum(['content', 'title']),
  blocks: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  figures: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  proposed: importTargetSchema,
  /** Why it goes there, in French (« question du modèle », « titre proche à 86 % », « non reconnu »). */
  reason: z.string(),
});

export type ImportPart = z.infer<typeof importPartSchema>;

export const importProposalSchema = z.object({
  fileName: z.string(),
  /** SHA-256 of the file, hex. */
  fingerprint: z.string(),
  /** The document's title, as found. */
  title: z.string(),
  /** The variable the title names, if it names one. */
  variableId: idSchema.nullable(),
  /** For a new variable: the family the document names, if any. */
  suggestedFamilyId: idSchema.nullable(),
  /** The matched variable has a sheet: importing makes a new revision of it, once confirmed. */
  existingSheet: z.boolean(),
  parts: z.array(importPartSchema),
  /** What Fiches recognised and does not import (phase bands, standard texts, the diagram…). */
  recognised: z.array(z.string()),
  /** Where unplaced content goes unless the user picks another section. */
  unplacedSection: idSchema,
  warnings: z.array(z.string()),
});

export type ImportProposal = z.infer<typeof importProposalSchema>;

export const importVariableChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), variableId: idSchema }).strict(),
  z.object({ kind: z.literal('new'), familyId: idSchema, name: nameSchema }).strict(),
]);

export type ImportVariableChoice = z.infer<typeof importVariableChoiceSchema>;

const fileFields = {
  /** The file's name, for messages and the history. */
  name: z.string().min(1).max(255),
  base64: z.string().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4),
};

export const importChoicesSchema = z
  .object({
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    variable: importVariableChoiceSchema,
    /** Required when the variable already has a sheet: the import is then a new revision of it. */
    replaceExisting: z.boolean(),
    /** The user's changes to the proposed targets, by part id; parts not named keep theirs. */
    targets: z.record(z.string().max(40), importTargetSchema),
    unplacedSection: idSchema,
  })
  .strict();

export type ImportChoices = z.infer<typeof importChoicesSchema>;

export const importPlacementSchema = z.object({
  partId: z.string(),
  origin: z.string(),
  /** Where it went, in French (« Évolution passée », « Hypothèse basse › Économique », « non importé »). */
  destination: z.string(),
  imported: z.boolean(),
});

export const importResultSchema = z.object({
  sheetId: idSchema,
  variableName: z.string(),
  /** A new sheet (rather than a new revision of an existing one). */
  created: z.boolean(),
  variableCreated: z.boolean(),
  dryRun: z.boolean(),
  /** The revision that records the imported state; null on a dry run. */
  revision: revisionSummarySchema.nullable(),
  /** The sheet shows its family's micro-scenarios: the document's were the family's. */
  usesFamilyScenarios: z.boolean(),
  placements: z.array(importPlacementSchema),
  warnings: z.array(z.string()),
});

export type ImportResult = z.infer<typeof importResultSchema>;

export const importContract = {
  /** What Fiches proposes for one file; nothing is written. */
  'import:analyse': {
    request: z.object(fileFields).strict(),
    response: importProposalSchema,
  },
  /** Imports one file as chosen; `dryRun` does everything but write. */
  'import:apply': {
    request: z
      .object({ ...fileFields, choices: importChoicesSchema, dryRun: z.boolean().optional() })
      .strict(),
    response: importResultSchema,
  },
} as const;
