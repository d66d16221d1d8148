import type { AnyExtension } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { contentExtensions } from '../../shared/content/schema.js';
import { TypedAddressLinks } from './typed-address-links.js';
import { FigureEditing } from './figure/figure-editing.js';
import type { NumberingSource } from './figure/numbering-registry.js';
import { BlockNumbering } from './figure/numbering-plugin.js';
import { FrenchTypography } from './french-typography.js';
import { FichesPaste } from './paste/paste-extension.js';
import { ReactSelectionOptOut } from './react-selection.js';
import { SharedRenderSpecs } from './render-specs.js';
import { ReviewEditing } from './review/review-editing.js';
import { FichesShortcuts } from './shortcuts.js';
import { DomSelectionOnKey } from './dom-selection.js';
import { SelectionBlocksLaidOut } from './selection-blocks.js';
import { EditingSectionDocument, FarBlocks } from './far-blocks/far-blocks-node.js';
import { FarBlocksHeld } from './far-blocks/far-blocks-plugin.js';

/**
 * The shared node set, plus what only an editing view needs. `numbering` tells where this
 * part's figures and tables start counting; without it they count from 1.
 */
export function editorExtensions(placeholder: string, numbering?: NumberingSource): AnyExtension[] {
  return [
    // The section's root admits runs of far blocks in the editor (far-blocks/).
    ...contentExtensions().filter((extension) => extension.name !== EditingSectionDocument.name),
    EditingSectionDocument,
    FarBlocks,
    FarBlocksHeld,
    Placeholder.configure({ placeholder }),
    FrenchTypography,
    TypedAddressLinks,
    DomSelectionOnKey,
    SelectionBlocksLaidOut,
    FichesShortcuts,
    FigureEditing,
    FichesPaste,
    BlockNumbering.configure({ source: numbering }),
    ReactSelectionOptOut,
    SharedRenderSpecs,
    ReviewEditing,
  ];
}
