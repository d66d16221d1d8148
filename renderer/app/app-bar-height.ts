import { useEffect, type RefObject } from 'react';

/**
 * The application bar stays at the top of the window, with the sync state in it, always
 * visible: the panels (Relecture, Historique), a revision opened from the history and the
 * sheet's sticky toolbar start below it. Its height changes (the sync bar wraps a failure's
 * message onto a second line, the window narrows), so it is measured and kept in
 * `--app-bar-height` for the style sheets.
 */
export function useAppBarHeight(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--app-bar-height', `${element.offsetHeight}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--app-bar-height');
    };
  }, [bar]);
}
