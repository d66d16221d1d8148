import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import type * as RunJobModule from '../../worker/run-job.js';
import { closeWorkers } from '../../worker/run-job.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import { makeVolume } from './make.js';

/** The jobs the volume sends to the workers, by name, in order. */
const sent = vi.hoisted(() => [] as string[]);
vi.mock('../../worker/run-job.js', async (importOriginal) => {
  const original = await importOriginal<typeof RunJobModule>();
  return {
    ...original,
    runJob: ((job, request, limits) => {
      sent.push(job);
      return original.runJob(job, request, limits);
    }) satisfies typeof original.runJob,
  };
});

let sample: SampleRepository;

beforeAll(async () => {
  // Three sheets showing the same two SVG figures (Big Data's).
  sample = await volumeSample([{ id: 'monnaie' }, { id: 'cobotique' }]);
}, 60_000);
afterAll(async () => {
  await closeWorkers();
  await sample.dispose();
});

describe('the Word volume', () => {
  it('renders the PNG fallback of an SVG shown on several sheets once', async () => {
    const context = new RepositoryContext(new RepositoryLayout(sample.repo));
    await makeVolume(context, {
      selection: { kind: 'all' },
      formats: ['docx'],
      title: 'Recueil',
      date: '2026-12-01',
    });
    expect(sent.filter((job) => job === 'rasterise-svg')).toHaveLength(2);
  }, 180_000);
});
