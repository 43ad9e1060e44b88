import type { browser as extensionBrowser } from 'wxt/browser';
import { captureTab, createBrowserCaptureEnv, toCaptureError } from '../capture';
import type { EvidenceDB } from '../db/database';
import type { PageKind } from '../extract/facts';
import type { CaptureReply } from '../messaging/protocol';

type Browser = typeof extensionBrowser;

/**
 * Captures a tab with the real browser APIs; every entry point (popup, shortcut, menu,
 * element picker) ends here.
 */
export async function captureWithBrowser(
  browser: Browser,
  db: EvidenceDB,
  tabId: number,
  kind?: PageKind,
  options: { element?: boolean } = {},
): Promise<CaptureReply> {
  try {
    const result = await captureTab(await createBrowserCaptureEnv(browser), db, {
      tabId,
      kind,
      element: options.element,
      newCaseTitle: browser.i18n.getMessage('defaultCaseTitle') || '我的第一个案件',
    });
    return { ok: true, evidenceId: result.evidenceId, caseId: result.caseId, kind: result.kind };
  } catch (error) {
    const e = toCaptureError(error);
    return { ok: false, code: e.code, detail: e.detail };
  }
}
