import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;
import type { ChatEnv } from './chat-capture';
import {
  type ChatPaneInfo,
  findChatPane,
  loadOlderMessages,
  locateFrame,
  readChatPane,
  releaseChatPane,
  scrollChatPane,
} from './chat-functions';
import type { CaptureEnv } from './capture-tab';
import { stitchCrops, stitchSlices } from './full-page';
import type { FullPageEnv } from './full-page-capture';
import { measurePage, preparePageSlice, restorePage } from './page-functions';
import type { ElementEnv } from './element-capture';
import { PageSnapshot } from './page-snapshot';
import { readPicked, unmarkPicked } from './picker-functions';
import { RenderResult } from './render';

/** Path of the capture content script in the built extension (entrypoints/capture.content). */
export const CAPTURE_SCRIPT = '/content-scripts/capture.js';
/** Path of the html2canvas render script (entrypoints/render.content). */
export const RENDER_SCRIPT = '/content-scripts/render.js';

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
    async renderPage(tabId) {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        files: [RENDER_SCRIPT],
      });
      const result = RenderResult.parse(first?.result);
      if ('error' in result) throw new Error(result.error);
      return {
        png: dataUrlBytes(result.dataUrl),
        width: result.width,
        height: result.height,
        cropped: result.cropped,
      };
    },
    async currentDocument(tabId) {
      const [top] = await browser.scripting.executeScript({
        target: { tabId },
        func: () => location.href,
      });
      // documentId changes with every new document, even at the same URL.
      return `${(top as { documentId?: string } | undefined)?.documentId ?? ''} ${top?.result ?? ''}`;
    },
    exclusive: (run) => navigator.locks.request('kameng-capture', run),
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    platform: info ? `${info.os} ${info.arch}` : undefined,
    now: () => new Date(),
    sleep,
    fullPage: createFullPageEnv(browser),
    chat: createChatEnv(browser),
    element: createElementEnv(browser),
    progress: (tabId, text) => {
      // Only an open popup listens; nobody listening is not an error.
      browser.runtime.sendMessage({ type: 'capture-progress', tabId, text }).catch(() => undefined);
    },
  };
}

/** Chat-pane capture through functions injected into the tab's frames. */
function createChatEnv(browser: Browser): ChatEnv {
  const inFrame = async <T>(frameId: number, run: () => Promise<{ result?: T }[]>) => {
    const [first] = await run();
    if (first?.result === undefined) throw new Error(`frame ${frameId} gave no result`);
    return first.result;
  };
  return {
    async findPanes(tabId) {
      const results = await browser.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: findChatPane,
      });
      return results.flatMap((r) =>
        r.result ? [{ frameId: r.frameId, pane: r.result as ChatPaneInfo }] : [],
      );
    },
    loadOlder: (tabId, frameId, budgetMs) =>
      inFrame(frameId, () =>
        browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          func: loadOlderMessages,
          args: [budgetMs, 1500],
        }),
      ),
    scrollPane: (tabId, frameId, y) =>
      inFrame(frameId, () =>
        browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          func: scrollChatPane,
          args: [y],
        }),
      ),
    readPane: (tabId, frameId) =>
      inFrame(frameId, () =>
        browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          func: readChatPane,
        }),
      ),
    async releasePane(tabId, frameId, fromBottom) {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        func: releaseChatPane,
        args: [fromBottom],
      });
    },
    async frameOffset(tabId, frameId, pane) {
      // Walk up: ask every frame which of its iframes shows this one, then add offsets.
      let x = 0;
      let y = 0;
      let current = { frameId, url: pane.url, ...pane.frameViewport };
      for (let depth = 0; current.frameId !== 0 && depth < 8; depth++) {
        const results = await browser.scripting.executeScript({
          target: { tabId, allFrames: true },
          func: locateFrame,
          args: [current.url, current.width, current.height],
        });
        const parent = results.find((r) => r.result && r.frameId !== current.frameId);
        if (!parent?.result) throw new Error(`cannot find the iframe showing ${current.url}`);
        x += parent.result.x;
        y += parent.result.y;
        current = {
          frameId: parent.frameId,
          url: parent.result.url,
          width: parent.result.width,
          height: parent.result.height,
        };
      }
      return { x, y };
    },
    stitch: stitchCrops,
    async viewportWidth(tabId) {
      const [top] = await browser.scripting.executeScript({
        target: { tabId },
        func: () => window.innerWidth,
      });
      return top?.result ?? 0;
    },
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

/** Element capture: the picked element's box and content, the window scrolled over it. */
function createElementEnv(browser: Browser): ElementEnv {
  return {
    async readPicked(tabId) {
      const [top] = await browser.scripting.executeScript({ target: { tabId }, func: readPicked });
      return top?.result ?? undefined;
    },
    async scrollTo(tabId, y) {
      // Fixed and sticky bars hidden (-1: no slice owns a sticky element) so they cannot cover it.
      const [top] = await browser.scripting.executeScript({
        target: { tabId },
        func: preparePageSlice,
        args: [y, -1, -1, false, false],
      });
      if (!top?.result) throw new Error('could not scroll the page');
      return top.result;
    },
    async release(tabId, scrollX, scrollY) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: restorePage,
        args: [scrollX, scrollY],
      });
      await browser.scripting.executeScript({ target: { tabId }, func: unmarkPicked });
    },
    stitch: stitchCrops,
  };
}
