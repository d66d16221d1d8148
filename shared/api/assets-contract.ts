import { z } from 'zod';
import { assetIdSchema, importedAssetSchema } from '../content/assets.js';

/**
 * Images cross the same contract as everything else, as base64: main checks and stores
 * them (assets/<sha256>.<ext>), the renderer shows them through blob: URLs. Spread into
 * the contract (contract.ts).
 */
export const assetsContract = {
  'assets:import': {
    request: z
      .object({
        /** The file's name, for messages only. */
        name: z.string().max(255),
        /** The type the sender announces; the bytes decide what the image is. */
        mediaType: z.string().max(100),
        base64: z.string(),
      })
      .strict(),
    response: importedAssetSchema,
  },
  'assets:read': {
    request: z.object({ assetId: assetIdSchema }).strict(),
    response: z.object({ mediaType: z.string(), base64: z.string() }),
  },
} as const;
