import html2canvas from 'html2canvas';
import { z } from 'zod';

/** The DOM re-render, or why it could not be made. Checked when it arrives from the page. */
export const RenderResult = z.union([
  z.object({
    dataUrl: z.string().startsWith('data:image/png;base64,'),
    width: z.number(),
    height: z.number(),
    /** The page was taller than MAX_RENDER_HEIGHT and only its top was rendered. */
    cropped: z.boolean(),
  }),
  z.object({ error: z.string() }),
]);
export type RenderResult = z.infer<typeof RenderResult>;

/** Taller renders cost seconds and hundreds of MB; the screenshots cover the rest. */
export const MAX_RENDER_HEIGHT = 12_000;
const TIME_LIMIT_MS = 15_000;
/** Past this many elements html2canvas takes tens of seconds; the screenshots suffice. */
export const MAX_RENDER_ELEMENTS = 15_000;

/**
 * Re-draws the page from its DOM with html2canvas. Runs inside the page (render
 * content script). This is a re-render, not a screenshot: fonts, layout and
 * unsupported CSS (html2canvas 1.4.1 throws on `oklch()`) may differ from what the
 * browser showed, so failures are returned, not thrown.
 */
export async function renderPage(win: Window): Promise<RenderResult> {
  const doc = win.document;
  const root = doc.documentElement;
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_RENDER_ELEMENTS) {
    return { error: `skipped: ${elements} elements, html2canvas would take too long` };
  }
  const fullHeight = Math.max(root.scrollHeight, doc.body?.scrollHeight ?? 0);
  const height = Math.min(fullHeight, MAX_RENDER_HEIGHT);
  try {
    const canvas = await Promise.race([
      html2canvas(root, {
        logging: false,
        scale: 1,
        height,
        windowHeight: height,
        scrollX: 0,
        scrollY: -win.scrollY,
        imageTimeout: 3000,
        // Elements wholly below the rendered height are not cloned: html2canvas's cost is
        // in cloning and styling every element, whether it is drawn or not.
        ignoreElements: height < fullHeight ? (el) => below(el, height, doc) : undefined,
      }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`html2canvas took longer than ${TIME_LIMIT_MS / 1000} s`)),
          TIME_LIMIT_MS,
        ),
      ),
    ]);
    return {
      dataUrl: canvas.toDataURL('image/png'),
      width: canvas.width,
      height: canvas.height,
      cropped: fullHeight > height,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The element starts below `limit` (document coordinates) and so cannot be drawn. */
export function below(el: Element, limit: number, doc: Document): boolean {
  const view = doc.defaultView;
  // Only elements of the page itself: html2canvas also asks about the clone's own nodes.
  if (!view || el.ownerDocument !== doc) return false;
  return el.getBoundingClientRect().top + view.scrollY >= limit;
}
