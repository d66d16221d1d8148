import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../../shared/api/dispatch.js';
import type { VolumeProgress } from '../../../../shared/api/volume-contract.js';
import { AppFailure } from '../../../../shared/result.js';
import type { RepositoryContext } from '../../repository/context.js';
import { makeVolume, type MadeVolume } from './make.js';

/**
 * The volume jobs of an open repository, behind the contract's volume:* operations: each
 * runs on its own (start answers at once), reports its progress, can be cancelled, and
 * keeps its result until it is fetched. A finished job is forgotten after its result is
 * read, or after an hour.
 */

const FORGET_AFTER_MS = 60 * 60_000;

interface Job {
  progress: VolumeProgress;
  controller: AbortController;
  result?: MadeVolume;
  timer?: NodeJS.Timeout;
}

type VolumeHandlers = Pick<Handlers, 'volume:start' | 'volume:progress' | 'volume:cancel' | 'volume:result'>;

function unknownJob(): AppFailure {
  return new AppFailure('not-found', 'Cette publication n’existe plus : relancez-la.');
}

export function volumeHandlers(context: RepositoryContext): VolumeHandlers {
  const jobs = new Map<string, Job>();
  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw unknownJob();
    return job;
  };
  const forgetLater = (jobId: string, job: Job) => {
    job.timer = setTimeout(() => jobs.delete(jobId), FORGET_AFTER_MS);
    job.timer.unref();
  };
  return {
    'volume:start': async (request) => {
      const jobId = randomUUID();
      const job: Job = {
        progress: { state: 'running', done: 0, total: 0, current: 'Préparation' },
        controller: new AbortController(),
      };
      jobs.set(jobId, job);
      void makeVolume(context, request, {
        signal: job.controller.signal,
        onProgress: (progress) => {
          if (job.progress.state === 'running') job.progress = { state: 'running', ...progress };
        },
      }).then(
        (result) => {
          if (job.progress.state !== 'running') return;
          job.result = result;
          job.progress = { ...job.progress, state: 'done' };
          forgetLater(jobId, job);
        },
        (error: unknown) => {
          if (job.progress.state === 'running') {
            const message =
              error instanceof AppFailure ? error.message : 'La publication du recueil a échoué.';
            job.progress = { ...job.progress, state: 'failed', error: message };
          }
          forgetLater(jobId, job);
        },
      );
      return { jobId };
    },
    'volume:progress': async ({ jobId }) => find(jobId).progress,
    'volume:cancel': async ({ jobId }) => {
      const job = find(jobId);
      if (job.progress.state !== 'running') return { cancelled: false };
      job.controller.abort();
      job.progress = { ...job.progress, state: 'cancelled' };
      return { cancelled: true };
    },
    'volume:result': async ({ jobId }) => {
      const job = find(jobId);
      if (job.progress.state === 'failed') throw new AppFailure('internal', job.progress.error ?? 'Échec.');
      if (!job.result) {
        throw new AppFailure(
          'invalid-request',
          job.progress.state === 'cancelled'
            ? 'Publication annulée : rien n’a été écrit.'
            : 'La publication n’est pas terminée.',
        );
      }
      const { files, summary } = job.result;
      clearTimeout(job.timer);
      jobs.delete(jobId);
      return {
        summary,
        files: files.map(({ bytes, ...file }) => ({ ...file, base64: bytes.toString('base64') })),
      };
    },
  };
}
