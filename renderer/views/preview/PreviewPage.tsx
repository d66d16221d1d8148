import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Props {
  pdf: PDFDocumentProxy;
  number: number;
  /** Width and height of the page in points, for the space it takes before it is drawn. */
  size: { width: number; height: number };
  /** Width of the page on screen, in CSS pixels. */
  width: number;
}

/** One page, drawn when it comes near the screen: a 100-page sheet scrolls at once. */
export function PreviewPage({ pdf, number, size, width }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !canvas.current) return;
    let cancelled = false;
    let task: { cancel(): void } | undefined;
    const target = canvas.current;
    void (async () => {
      const page = await pdf.getPage(number);
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / size.width) * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const render = page.render({ canvas: target, viewport });
      task = render;
      try {
        await render.promise;
        if (!cancelled) setDrawn(true);
      } catch {
        // Cancelled by a new width or by closing the preview: nothing to show.
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [visible, pdf, number, size.width, width]);

  return (
    <div
      ref={frame}
      className="preview-page"
      style={{ width, height: (width * size.height) / size.width }}
      data-testid="preview-page"
      data-drawn={drawn ? 'true' : 'false'}
    >
      <canvas ref={canvas} className="preview-canvas" role="img" aria-label={`Page ${number}`} />
    </div>
  );
}
