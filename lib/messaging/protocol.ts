import { z } from 'zod';
import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;
import type { CaptureErrorCode } from '../capture/errors';
import { PageKind } from '../extract/facts';

/**
 * The one message protocol between extension contexts. Messages carry ids, never
 * bytes: Chrome JSON-serialises them, and evidence bytes stay in IndexedDB.
 */
export const Request = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('capture-tab'),
    tabId: z.number().int().nonnegative(),
    kind: PageKind.optional(),
  }),
]);
export type Request = z.infer<typeof Request>;

export type Failure = { ok: false; code: CaptureErrorCode | 'bad-request'; detail: string };

export interface Replies {
  'capture-tab': { ok: true; evidenceId: string; caseId: string; kind: PageKind } | Failure;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
export type Handlers = { [T in Request['type']]: (request: RequestOf<T>) => Promise<Replies[T]> };

/** Sends a request to the service worker and waits for its reply. */
export async function sendRequest<T extends Request['type']>(
  browser: Browser,
  request: RequestOf<T>,
): Promise<Replies[T]> {
  return (await browser.runtime.sendMessage(request)) as Replies[T];
}

/** Answers requests in the service worker; each is parsed before its handler sees it. */
export function listenForRequests(browser: Browser, handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, code: 'bad-request', detail: parsed.error.message } as Failure);
      return true;
    }
    const handler = handlers[parsed.data.type] as (r: Request) => Promise<unknown>;
    handler(parsed.data).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, code: 'unknown', detail: String(error) } as Failure),
    );
    // Keeps the channel open for the asynchronous reply.
    return true;
  });
}
