/** What the hosts (Electron shell, browser host, CLI) use of the services. */
export { findAppRoot, templatesDir } from './app-root.js';
export { defaultRepositoryPath } from './default-path.js';
export {
  openRepository,
  openRepositoryForReading,
  type OpenOptions,
  type ReadHandlers,
  type ReadingSession,
  type RepositorySession,
  type ServiceHandlers,
} from './session.js';
