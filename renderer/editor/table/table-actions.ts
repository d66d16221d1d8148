import type { ToolbarAction } from '../toolbar-actions.js';
import { deleteTableFigure, hasHeaderRow, isInTable } from './table-commands.js';

/** Rows, columns and header of the table the cursor is in: shown disabled elsewhere. */
export const tableActions: ToolbarAction[] = [
  {
    id: 'table-row-add',
    glyph: '+ Ligne',
    label: 'Ajouter une ligne sous celle-ci',
    run: (e) => e.chain().focus().addRowAfter().run(),
    canRun: (e) => isInTable(e) && e.can().addRowAfter(),
    contextual: true,
  },
  {
    id: 'table-row-delete',
    glyph: '− Ligne',
    label: 'Supprimer cette ligne',
    run: (e) => e.chain().focus().deleteRow().run(),
    canRun: (e) => isInTable(e) && e.can().deleteRow(),
    contextual: true,
  },
  {
    id: 'table-column-add',
    glyph: '+ Colonne',
    label: 'Ajouter une colonne à droite',
    run: (e) => e.chain().focus().addColumnAfter().run(),
    canRun: (e) => isInTable(e) && e.can().addColumnAfter(),
    contextual: true,
  },
  {
    id: 'table-column-delete',
    glyph: '− Colonne',
    label: 'Supprimer cette colonne',
    run: (e) => e.chain().focus().deleteColumn().run(),
    canRun: (e) => isInTable(e) && e.can().deleteColumn(),
    contextual: true,
  },
  {
    id: 'table-header-row',
    glyph: 'En-tête',
    label: 'Ligne d’en-tête',
    run: (e) => e.chain().focus().toggleHeaderRow().run(),
    isActive: (e) => isInTable(e) && hasHeaderRow(e),
    canRun: (e) => isInTable(e) && e.can().toggleHeaderRow(),
    contextual: true,
  },
  {
    id: 'table-delete',
    glyph: 'Supprimer le tableau',
    label: 'Supprimer le tableau (avec sa légende et sa source)',
    run: deleteTableFigure,
    canRun: isInTable,
    contextual: true,
  },
];
