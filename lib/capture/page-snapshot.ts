import { z } from 'zod';
import { extractPage } from '../extract';
import { PageFacts } from '../extract/facts';
import { serializeLiveDocument } from './serialize-dom';

/** What the capture content script reads from the page, checked when it arrives. */
export const PageSnapshot = z.object({
  url: z.string(),
  title: z.string(),
  contentType: z.string(),
  html: z.string(),
  text: z.string(),
  viewport: z.object({ width: z.number(), height: z.number() }),
  devicePixelRatio: z.number(),
  pageSize: z.object({ width: z.number(), height: z.number() }),
  facts: PageFacts,
  /** Text the user had selected, if any (kept as a note with the capture). */
  selection: z.string().optional(),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/** Serialises the document as it is now (the live DOM, not the HTML first served). */
export const serializeDocument = serializeLiveDocument;

/** Reads a snapshot of a page; runs inside the page (capture content script). */
export function snapshotPage(win: Window, capturedAt: string): PageSnapshot {
  const doc = win.document;
  const root = doc.documentElement;
  return {
    url: win.location.href,
    title: doc.title,
    contentType: doc.contentType,
    html: serializeDocument(doc),
    text: doc.body?.innerText ?? '',
    viewport: { width: win.innerWidth, height: win.innerHeight },
    devicePixelRatio: win.devicePixelRatio,
    pageSize: {
      width: Math.max(root?.scrollWidth ?? 0, doc.body?.scrollWidth ?? 0),
      height: Math.max(root?.scrollHeight ?? 0, doc.body?.scrollHeight ?? 0),
    },
    facts: extractPage(doc, { url: win.location.href, capturedAt }),
    selection: win.getSelection?.()?.toString() || undefined,
  };
}
