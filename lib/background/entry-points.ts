import type { browser as extensionBrowser } from 'wxt/browser';
import type { EvidenceDB } from '../db/database';
import type { PageKind } from '../extract/facts';
import type { MessageKey } from '../i18n';
import type { Replies } from '../messaging/protocol';
import { captureWithBrowser } from './handlers';

type Browser = typeof extensionBrowser;

export const CAPTURE_COMMAND = 'capture-page';
export const CAPTURE_MENU = 'capture-page';
export const CAPTURE_CHAT_MENU = 'capture-chat';

/** The badge and tooltip that tell the result of a capture started without the popup. */
export function captureFeedback(
  reply: Replies['capture-tab'],
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
): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '…' });
  const reply = await captureWithBrowser(browser, db, tabId, kind);
  const feedback = captureFeedback(reply, (key) => browser.i18n.getMessage(key));
  await browser.action.setBadgeBackgroundColor({ tabId, color: feedback.color });
  await browser.action.setBadgeText({ tabId, text: feedback.text });
  await browser.action.setTitle({ tabId, title: feedback.title });
}

/**
 * The keyboard shortcut and the page's context menu: both capture the tab they were
 * used on, as the popup's button does. Listeners are registered synchronously at
 * worker start so Chrome can wake the worker for them.
 */
export function registerEntryPoints(browser: Browser, db: EvidenceDB): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_MENU,
      title: browser.i18n.getMessage('menuCapturePage'),
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
    });
    browser.contextMenus.create({
      id: CAPTURE_CHAT_MENU,
      title: browser.i18n.getMessage('menuCaptureChat'),
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === CAPTURE_MENU) void captureAndReport(browser, db, tab.id);
    if (info.menuItemId === CAPTURE_CHAT_MENU) void captureAndReport(browser, db, tab.id, 'chat');
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target =
      tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    if (target !== undefined) await captureAndReport(browser, db, target);
  });
}
