import type { PageFacts } from './facts';
import { suggestKind } from './suggest-kind';

export { PageFacts, PageKind, PromiseCategory } from './facts';
export { suggestKind } from './suggest-kind';

export interface ExtractContext {
  url: string;
  capturedAt: string;
}

/**
 * ★ Contract 1 entry point: the facts read off a page.
 *
 * Foundation version: only the page kind is read so far; orders, promises, chats and
 * the site's identity come with the extraction issue (#4), which keeps this signature.
 */
export function extractPage(doc: Document, _ctx: ExtractContext): PageFacts {
  const text = doc.body?.innerText ?? doc.body?.textContent ?? '';
  return {
    kind: suggestKind(doc.title, text),
    promises: [],
    site: { contacts: [] },
  };
}
