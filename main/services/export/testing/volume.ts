import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSample, type SampleRepository } from './sample.js';

/**
 * The sample repository with more sheets, for the volume's tests and bench: Big Data's
 * sheet copied to other variables of the system (across families), with statuses set.
 */
export async function volumeSample(
  sheets: readonly { id: string; status?: 'draft' | 'review' | 'validated' | 'published' }[],
): Promise<SampleRepository> {
  const sample = await openSample();
  const source = JSON.parse(await readFile(join(sample.repo, 'sheets', 'big-data.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const { id, status } of sheets) {
    const file = join(sample.repo, 'sheets', `${id}.json`);
    await writeFile(file, JSON.stringify({ ...source, id, ...(status ? { status } : {}) }, null, 2));
  }
  return sample;
}
