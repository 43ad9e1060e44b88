import type { browser as extensionBrowser } from 'wxt/browser';
import type { EvidenceDB } from '../db/database';
import type { PageKind } from '../extract/facts';
import type { MessageKey } from '../i18n';
import type { CaptureReply } from '../messaging/protocol';
import { captureWithBrowser } from './capture-with-browser';

type Browser = typeof extensionBrowser;

/** The badge and tooltip that tell the result of a capture started without the popup. */
export function captureFeedback(
  reply: CaptureReply,
  message: (key: MessageKey) => string,
): { text: string; color: string; title: string } {
  if (reply.ok) return { text: '✓', color: '#2e7d32', title: message('badgeSaved') };
  const key = `error_${reply.code.replaceAll('-', '_')}` as MessageKey;
  return { text: '!', color: '#c62828', title: message(key) || reply.detail };
}

/** Captures a tab and shows the outcome on the toolbar button of that tab. */
export async function captureAndReport(
  browser: Browser,
  db: EvidenceDB,
  tabId: number,
  kind?: PageKind,
  options: { element?: boolean } = {},
): Promise<CaptureReply> {
  await browser.action.setBadgeText({ tabId, text: '…' });
  const reply = await captureWithBrowser(browser, db, tabId, kind, options);
  const feedback = captureFeedback(reply, (key) => browser.i18n.getMessage(key));
  await browser.action.setBadgeBackgroundColor({ tabId, color: feedback.color });
  await browser.action.setBadgeText({ tabId, text: feedback.text });
  await browser.action.setTitle({ tabId, title: feedback.title });
  return reply;
}
