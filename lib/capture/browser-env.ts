import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;
import type { CaptureEnv } from './capture-tab';
import { stitchSlices } from './full-page';
import type { FullPageEnv } from './full-page-capture';
import { measurePage, preparePageSlice, restorePage } from './page-functions';
import { PageSnapshot } from './page-snapshot';

/** Path of the capture content script in the built extension (entrypoints/capture.content). */
export const CAPTURE_SCRIPT = '/content-scripts/capture.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wires captureTab to the real extension APIs. Call from the service worker. */
export async function createBrowserCaptureEnv(browser: Browser): Promise<CaptureEnv> {
  const info = await browser.runtime.getPlatformInfo().catch(() => undefined);
  return {
    async getTab(tabId) {
      const tab = await browser.tabs.get(tabId);
      if (tab.id === undefined) throw new Error(`tab ${tabId} has no id`);
      return {
        id: tab.id,
        windowId: tab.windowId,
        url: tab.url,
        title: tab.title,
        active: tab.active,
      };
    },
    async activateTab(tabId) {
      await browser.tabs.update(tabId, { active: true });
      // Give the compositor a frame so captureVisibleTab sees the tab, not the previous one.
      await new Promise((r) => setTimeout(r, 250));
    },
    async captureVisibleTab(windowId) {
      const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      return dataUrlBytes(dataUrl);
    },
    saveAsMhtml: (tabId) => saveAsMhtmlWithRetry(browser, tabId),
    async snapshotPage(tabId) {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        files: [CAPTURE_SCRIPT],
      });
      return PageSnapshot.parse(first?.result);
    },
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    platform: info ? `${info.os} ${info.arch}` : undefined,
    now: () => new Date(),
    sleep,
    fullPage: createFullPageEnv(browser),
  };
}

/** Full-page capture through functions injected into the page and an OffscreenCanvas. */
function createFullPageEnv(browser: Browser): FullPageEnv {
  return {
    async measurePage(tabId) {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        func: measurePage,
      });
      if (!first?.result) throw new Error('could not measure the page');
      return first.result;
    },
    async preparePageSlice(tabId, plan) {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        func: preparePageSlice,
        args: [plan.y, plan.top, plan.bottom, plan.showTop, plan.showBottom],
      });
      if (!first?.result) throw new Error('could not scroll the page');
      return first.result;
    },
    async restorePage(tabId, scrollX, scrollY) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: restorePage,
        args: [scrollX, scrollY],
      });
    },
    stitch: stitchSlices,
  };
}

/** Decodes a base64 `data:` URL as returned by captureVisibleTab. */
export function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) throw new Error('not a data URL');
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The first MHTML Blob after a browser start is sometimes unreadable (NotFoundError
 * on read), so the bytes are read at once and the capture retried on that error.
 */
async function saveAsMhtmlWithRetry(browser: Browser, tabId: number, attempts = 3) {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const blob = await browser.pageCapture.saveAsMHTML({ tabId });
      if (!blob) throw new Error('pageCapture returned nothing');
      return new Uint8Array(await blob.arrayBuffer());
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200 * (i + 1)));
    }
  }
  throw lastError;
}
