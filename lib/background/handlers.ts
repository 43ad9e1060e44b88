import type { browser as extensionBrowser } from 'wxt/browser';
import type { EvidenceDB } from '../db/database';
import type { Handlers } from '../messaging/protocol';
import { captureWithBrowser } from './capture-with-browser';
import { startPicker } from './picker';
import { captureAndReport } from './report';

export { captureWithBrowser } from './capture-with-browser';

type Browser = typeof extensionBrowser;

/** The worker's answers to the message protocol. No state is kept between calls. */
export function createHandlers(browser: Browser, db: EvidenceDB): Handlers {
  return {
    'capture-tab': (request) => captureWithBrowser(browser, db, request.tabId, request.kind),
    async 'start-picker'(request) {
      try {
        await startPicker(browser, request.tabId, request.mode);
        return { ok: true };
      } catch (error) {
        const restricted = String(error).includes('restricted');
        return {
          ok: false,
          code: restricted ? 'restricted' : 'page-unreachable',
          detail: String(error),
        };
      }
    },
    // The pick comes from the page itself, so the result is shown on the toolbar badge.
    async 'element-picked'(request, sender) {
      if (sender.tabId === undefined) return { ok: false, code: 'no-tab', detail: 'no sender tab' };
      // In chat mode the picked element only points out the chat pane (see findChatPane).
      if (request.mode === 'chat') return captureAndReport(browser, db, sender.tabId, 'chat');
      return captureAndReport(browser, db, sender.tabId, undefined, { element: true });
    },
  };
}
