import { fr } from '../../french.js';
import type { ExportPlan, PlanPiece } from './types.js';

/**
 * Whose a warning is, in a volume's summary: « Big Data : Image manquante pour la figure 2… »,
 * so the user knows which of 29 sheets to open. An export of one sheet reports its own.
 */

export function ownedWarning(owner: string, warning: string): string {
  return fr`${owner} : ${warning}`;
}

/** Who owns what a piece's serialization reports: its sheet, or its family for a divider. */
export function ownerOf(piece: PlanPiece): string | undefined {
  if (piece.kind === 'sheet') return piece.sheet.variableName;
  if (piece.kind === 'divider') return fr`Famille « ${piece.divider.family.name} »`;
  return undefined;
}

/**
 * Serializes one piece of the plan, the warnings it adds to `warnings` named after their
 * owner when the plan is a volume. Both serializers (Word, print) go through it.
 */
export async function withOwnedWarnings<T>(
  plan: ExportPlan,
  piece: PlanPiece,
  warnings: string[],
  serialize: () => T | Promise<T>,
): Promise<T> {
  const start = warnings.length;
  const result = await serialize();
  const owner = plan.pieces.length > 1 ? ownerOf(piece) : undefined;
  if (owner !== undefined) {
    for (let index = start; index < warnings.length; index += 1)
      warnings[index] = ownedWarning(owner, warnings[index] as string);
  }
  return result;
}
