import { jobs } from './jobs.js';
import { serveJobs } from './serve.js';

/** The worker process's main module (run-job.ts starts it): answers the host's jobs until the host goes. */
serveJobs(jobs);
