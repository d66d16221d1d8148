import type { VolumeProgress, VolumeRequest, VolumeSummary } from '../../../shared/api/volume-contract.js';
import { fail, ok, type Result } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { download } from './run-export.js';

/**
 * Publishes the volume through the job operations: start, then progress every few tenths
 * of a second until it ends. The browser downloads the files; the desktop app asks where
 * to save them (volume:save, a native dialog). `cancel` stops it: nothing is kept.
 */

const POLL_MS = 250;

export interface PublishedVolume {
  summary: VolumeSummary;
  /** The files saved (desktop: their paths) or downloaded (browser: their names); null when no place was chosen. */
  files: string[] | null;
  downloaded: boolean;
}

export interface VolumeRun {
  /** Resolves with what was published, or the failure; null once cancelled. */
  done: Promise<Result<PublishedVolume | null>>;
  cancel(): void;
}

async function deliver(jobId: string, host: 'electron' | 'browser'): Promise<Result<PublishedVolume>> {
  if (host === 'electron') {
    const saved = await invoke('volume:save', { jobId });
    if (!saved.ok) return saved;
    return ok({ summary: saved.value.summary, files: saved.value.saved, downloaded: false });
  }
  const result = await invoke('volume:result', { jobId });
  if (!result.ok) return result;
  for (const file of result.value.files) download(file.fileName, file.mediaType, file.base64);
  return ok({
    summary: result.value.summary,
    files: result.value.files.map((file) => file.fileName),
    downloaded: true,
  });
}

export function runVolume(
  request: VolumeRequest,
  host: 'electron' | 'browser',
  onProgress: (progress: VolumeProgress) => void,
): VolumeRun {
  let jobId: string | undefined;
  let cancelled = false;
  const done = (async (): Promise<Result<PublishedVolume | null>> => {
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
    return deliver(jobId, host);
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (jobId) void invoke('volume:cancel', { jobId });
    },
  };
}
