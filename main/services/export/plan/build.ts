import { noCounts } from '../../../../shared/content/numbering.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { sheetMetadata } from './metadata.js';
import { planSheet } from './sheet.js';
import type { ExportPlan } from './types.js';

/** A sheet alone: a volume of one piece, without cover, table of contents or divider. */
export function planOfSheet(print: PrintSheet, loaded: LoadedLayout): ExportPlan {
  const warnings: string[] = [];
  const { sheet } = planSheet(print, {
    layout: loaded.layout,
    warnings,
    inVolume: false,
    showMicroScenarios: true,
    offset: noCounts(),
    rightHand: false,
  });
  return {
    metadata: sheetMetadata(print, loaded.layout.language),
    pieces: [{ kind: 'sheet', sheet }],
    assets: print.assets,
    warnings,
  };
}
