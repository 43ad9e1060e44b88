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
  /** Shows the element picker in a tab; the pick arrives later as `element-picked`. */
  z.object({
    type: z.literal('start-picker'),
    tabId: z.number().int().nonnegative(),
    /** 'chat': the pick shows which pane holds the chat, for a chat capture. */
    mode: z.enum(['element', 'chat']).optional(),
  }),
  /** From the picker in the page: the user clicked an element (marked in the page). */
  z.object({ type: z.literal('element-picked'), mode: z.enum(['element', 'chat']).optional() }),
]);
export type Request = z.infer<typeof Request>;

export type Failure = { ok: false; code: CaptureErrorCode | 'bad-request'; detail: string };

export type CaptureReply =
  | { ok: true; evidenceId: string; caseId: string; kind: PageKind }
  | Failure;

export interface Replies {
  'capture-tab': CaptureReply;
  'start-picker': { ok: true } | Failure;
  'element-picked': CaptureReply;
}

/** Who sent a request: the tab, for messages from a page's content script. */
export interface RequestSender {
  tabId?: number;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
export type Handlers = {
  [T in Request['type']]: (request: RequestOf<T>, sender: RequestSender) => Promise<Replies[T]>;
};

/** Sends a request to the service worker and waits for its reply. */
export async function sendRequest<T extends Request['type']>(
  browser: Browser,
  request: RequestOf<T>,
): Promise<Replies[T]> {
  return (await browser.runtime.sendMessage(request)) as Replies[T];
}

/** Answers requests in the service worker; each is parsed before its handler sees it. */
export function listenForRequests(browser: Browser, handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, code: 'bad-request', detail: parsed.error.message } as Failure);
      return true;
    }
    const handler = handlers[parsed.data.type] as (
      r: Request,
      s: RequestSender,
    ) => Promise<unknown>;
    handler(parsed.data, { tabId: sender?.tab?.id }).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, code: 'unknown', detail: String(error) } as Failure),
    );
    // Keeps the channel open for the asynchronous reply.
    return true;
  });
}
