import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;
import { captureTab, createBrowserCaptureEnv, toCaptureError } from '../capture';
import type { EvidenceDB } from '../db/database';
import type { Handlers } from '../messaging/protocol';

/** The worker's answers to the message protocol. No state is kept between calls. */
export function createHandlers(browser: Browser, db: EvidenceDB): Handlers {
  return {
    async 'capture-tab'(request) {
      try {
        const result = await captureTab(await createBrowserCaptureEnv(browser), db, {
          tabId: request.tabId,
          kind: request.kind,
          newCaseTitle: browser.i18n.getMessage('defaultCaseTitle') || '我的第一个案件',
        });
        return {
          ok: true,
          evidenceId: result.evidenceId,
          caseId: result.caseId,
          kind: result.kind,
        };
      } catch (error) {
        const e = toCaptureError(error);
        return { ok: false, code: e.code, detail: e.detail };
      }
    },
  };
}
