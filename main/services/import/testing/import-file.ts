import type { ImportChoices, ImportProposal, ImportResult } from '../../../../shared/api/import-contract.js';
import { canonicalJson } from '../../../../shared/history/canonical.js';
import type { DocNode } from '../../../../shared/content/doc.js';
import { contentSchema } from '../../../../shared/content/schema.js';
import type { ServiceHandlers } from '../../session.js';

/** Imports as the interface does: analyse, then apply the proposal with the given changes. */
export async function analyse(
  handlers: ServiceHandlers,
  name: string,
  bytes: Buffer,
): Promise<ImportProposal> {
  return handlers['import:analyse']({ name, base64: bytes.toString('base64') });
}

export async function importFile(
  handlers: ServiceHandlers,
  name: string,
  bytes: Buffer,
  choose: (proposal: ImportProposal) => Partial<ImportChoices> = () => ({}),
  dryRun = false,
): Promise<{ proposal: ImportProposal; result: ImportResult }> {
  const proposal = await analyse(handlers, name, bytes);
  const defaults: ImportChoices = {
    fingerprint: proposal.fingerprint,
    variable: proposal.variableId
      ? { kind: 'existing', variableId: proposal.variableId }
      : {
          kind: 'new',
          familyId: proposal.suggestedFamilyId ?? 'evolutions-technologiques',
          name: proposal.title,
        },
    replaceExisting: proposal.existingSheet,
    targets: {},
    unplacedSection: proposal.unplacedSection,
  };
  const result = await handlers['import:apply']({
    name,
    base64: bytes.toString('base64'),
    choices: { ...defaults, ...choose(proposal) },
    dryRun,
  });
  return { proposal, result };
}

/** A section's content as the editor would hold it: comparable whatever key order or default attributes. */
export function canonicalDoc(doc: DocNode | undefined): string {
  return doc ? canonicalJson(contentSchema().nodeFromJSON(doc).toJSON()) : 'absent';
}
