/** IPC channel names, shared by the main process and the preload so they cannot drift apart. */
export const INVOKE_CHANNEL = 'fiches:invoke';
/** Main → renderer: save what the autosave still holds; carries a request id. */
export const FLUSH_CHANNEL = 'fiches:flush';
/** Renderer → main: done, with the id of the request. */
export const FLUSHED_CHANNEL = 'fiches:flushed';
/** Main → renderer: a menu command the page carries out (« export:docx »…). */
export const MENU_CHANNEL = 'fiches:menu';
