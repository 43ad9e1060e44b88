import type { browser as extensionBrowser } from 'wxt/browser';
import type { EvidenceDB } from '../db/database';
import { startPicker } from './picker';
import { captureAndReport } from './report';

export { captureFeedback } from './report';

type Browser = typeof extensionBrowser;

export const CAPTURE_COMMAND = 'capture-page';
export const CAPTURE_MENU = 'capture-page';
export const CAPTURE_CHAT_MENU = 'capture-chat';
export const PICK_ELEMENT_MENU = 'pick-element';
export const CAPTURE_SELECTION_MENU = 'capture-selection';
export const PICK_CHAT_MENU = 'pick-chat';

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
      id: CAPTURE_SELECTION_MENU,
      title: browser.i18n.getMessage('menuCaptureSelection'),
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: PICK_ELEMENT_MENU,
      title: browser.i18n.getMessage('menuPickElement'),
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
    });
    browser.contextMenus.create({
      id: PICK_CHAT_MENU,
      title: browser.i18n.getMessage('menuPickChat'),
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
    // The selection is read from the page with the capture and kept as selection.txt.
    if (info.menuItemId === CAPTURE_MENU || info.menuItemId === CAPTURE_SELECTION_MENU) {
      void captureAndReport(browser, db, tab.id);
    }
    if (info.menuItemId === CAPTURE_CHAT_MENU) void captureAndReport(browser, db, tab.id, 'chat');
    if (info.menuItemId === PICK_ELEMENT_MENU) void startPicker(browser, tab.id);
    if (info.menuItemId === PICK_CHAT_MENU) void startPicker(browser, tab.id, 'chat');
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target =
      tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    if (target !== undefined) await captureAndReport(browser, db, target);
  });
}
