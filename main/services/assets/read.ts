import { mediaTypeOf } from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import type { RepositoryContext } from '../repository/context.js';
import { readVerifiedAsset } from './verified-read.js';

/** An image of the repository, for the editor to show (it turns it into a blob: URL). */
export async function readAsset(
  context: RepositoryContext,
  assetId: string,
): Promise<{ mediaType: string; base64: string }> {
  const content = await readVerifiedAsset(context.layout, assetId);
  if ('missing' in content) {
    throw content.missing === 'absent'
      ? new AppFailure('not-found', content.message, { assetId })
      : new AppFailure('damaged', content.message, { assetId, reason: 'hash-mismatch' });
  }
  return { mediaType: mediaTypeOf(assetId), base64: content.bytes.toString('base64') };
}
