import type { VolumeProgress, VolumeRequest, VolumeSummary } from '../../../shared/api/volume-contract.js';
import { fail, ok, type Result } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { download } from './run-export.js';

/**
 * Publishes the volume through the job operations: start, then progress every few tenths
 * of a second until it ends; the files are downloaded. `cancel` stops it: nothing is kept.
 */

const POLL_MS = 250;

export interface VolumeRun {
  /** Resolves with the summary (and the files downloaded), or the failure; null once cancelled. */
  done: Promise<Result<VolumeSummary | null>>;
  cancel(): void;
}

export function runVolume(request: VolumeRequest, onProgress: (progress: VolumeProgress) => void): VolumeRun {
  let jobId: string | undefined;
  let cancelled = false;
  const done = (async (): Promise<Result<VolumeSummary | null>> => {
    await flushEverything();
    const started = await invoke('volume:start', request);
    if (!started.ok) return started;
    jobId = started.value.jobId;
    if (cancelled) await invoke('volume:cancel', { jobId });
    for (;;) {
      const progress = await invoke('volume:progress', { jobId });
      if (!progress.ok) return progress;
      onProgress(progress.value);
      if (progress.value.state === 'cancelled') return ok(null);
      if (progress.value.state === 'failed') {
        return fail('internal', progress.value.error ?? 'La publication du recueil a échoué.');
      }
      if (progress.value.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const result = await invoke('volume:result', { jobId });
    if (!result.ok) return result;
    for (const file of result.value.files) download(file.fileName, file.mediaType, file.base64);
    return ok(result.value.summary);
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (jobId) void invoke('volume:cancel', { jobId });
    },
  };
}
