import type { HistoryFileName, RepositoryLayout } from '../repository/layout.js';
import { FAMILY_HISTORY_PREFIX, HISTORY_DIR } from '../repository/layout.js';
import { fr } from '../french.js';

/**
 * Whose history: a sheet's, or a family's shared note and micro-scenarios. Both are kept
 * by the same engine, each in its own folder under history/.
 */
export type HistoryTarget = { kind: 'sheet'; id: string } | { kind: 'family'; id: string };

export const sheetTarget = (id: string): HistoryTarget => ({ kind: 'sheet', id });
export const familyTarget = (id: string): HistoryTarget => ({ kind: 'family', id });

/** The target's folder name under history/; a sheet id never starts with « @ ». */
export function targetKey(target: HistoryTarget): string {
  return target.kind === 'sheet' ? target.id : `${FAMILY_HISTORY_PREFIX}${target.id}`;
}

export function targetFromKey(key: string): HistoryTarget {
  return key.startsWith(FAMILY_HISTORY_PREFIX)
    ? familyTarget(key.slice(FAMILY_HISTORY_PREFIX.length))
    : sheetTarget(key);
}

export function targetFile(
  layout: RepositoryLayout,
  target: HistoryTarget,
  file: HistoryFileName,
  writer: string | null = null,
): string {
  return target.kind === 'sheet'
    ? layout.historyFile(target.id, file, writer)
    : layout.familyHistoryFile(target.id, file, writer);
}

export function targetFolder(target: HistoryTarget): string {
  return `${HISTORY_DIR}/${targetKey(target)}`;
}

/** « de la fiche « big-data » », as messages name the target. */
export function targetName(target: HistoryTarget): string {
  return target.kind === 'sheet'
    ? fr`de la fiche « ${target.id} »`
    : fr`des micro-scénarios partagés de la famille « ${target.id} »`;
}

/** The detail a failure carries to say whose history it is. */
export function targetDetail(target: HistoryTarget): Record<string, string> {
  return target.kind === 'sheet' ? { sheetId: target.id } : { familyId: target.id };
}
