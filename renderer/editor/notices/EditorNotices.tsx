import { useStore } from '../../ui/store.js';
import { dismissNotice, editorNotices } from './notices.js';

/** The editor's messages, under the toolbar: read out by screen readers as they come. */
export function EditorNotices() {
  const notices = useStore(editorNotices);
  if (notices.length === 0) return null;
  return (
    <div className="editor-notices" aria-live="polite">
      {notices.map((notice) => (
        <p
          key={notice.id}
          className={`editor-notice editor-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={`editor-notice-${notice.kind}`}
        >
          <span>{notice.message}</span>
          {notice.kind !== 'progress' && (
            <button
              type="button"
              className="button button-small"
              aria-label="Fermer ce message"
              onClick={() => dismissNotice(notice.id)}
            >
              ×
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
