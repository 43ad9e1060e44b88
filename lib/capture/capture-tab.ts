import type { EvidenceDB } from '../db/database';
import { ensureActiveCase, type NewBlob, saveEvidence } from '../db/repo';
import type { Artifact, ArtifactRole, EvidenceItem } from '../db/schema';
import type { PageKind } from '../extract/facts';
import { sha256Hex } from '../integrity/sha256';
import { CaptureError, toCaptureError } from './errors';
import { captureChatPane, type ChatEnv } from './chat-capture';
import { captureElement, type ElementEnv } from './element-capture';
import { captureFullPage, type FullPageEnv, rateLimitedShooter } from './full-page-capture';
import type { PageSnapshot } from './page-snapshot';
import { restrictedReason } from './restricted';
import { CHINA_TIME_ZONE, toChinaIso } from './time';

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string;
  title?: string;
  active: boolean;
}

/**
 * The browser as capture sees it. The worker passes the real APIs
 * (`createBrowserCaptureEnv`); unit tests pass stubs.
 */
export interface CaptureEnv {
  getTab(tabId: number): Promise<TabInfo>;
  activateTab(tabId: number): Promise<void>;
  /** PNG of the visible area of the window's active tab. */
  captureVisibleTab(windowId: number): Promise<Uint8Array<ArrayBuffer>>;
  saveAsMhtml(tabId: number): Promise<Uint8Array<ArrayBuffer>>;
  snapshotPage(tabId: number): Promise<PageSnapshot>;
  extensionVersion: string;
  userAgent: string;
  /** Browser and OS as the extension API reports them. */
  platform?: string;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Scroll-and-stitch full-page screenshots; without it only the viewport is captured. */
  fullPage?: FullPageEnv;
  /** Chat-pane capture, used when the kind is `chat`. */
  chat?: ChatEnv;
  /** Capture of the element the user picked, used when the request asks for it. */
  element?: ElementEnv;
  /** html2canvas re-render of the DOM; optional, and its failure is recorded, not fatal. */
  renderPage?(
    tabId: number,
  ): Promise<{ png: Uint8Array<ArrayBuffer>; width: number; height: number; cropped: boolean }>;
  /** An id of the document the tab shows now; it changes when the tab navigates. */
  currentDocument?(tabId: number): Promise<string>;
  /** Runs one capture at a time across the extension (navigator.locks in the worker). */
  exclusive?<T>(run: () => Promise<T>): Promise<T>;
  /** Tells an open popup how a long capture is going. */
  progress?(tabId: number, text: string): void;
}

export interface CaptureRequest {
  tabId: number;
  /** The kind the user chose; the page's suggested kind when absent. */
  kind?: PageKind;
  /** Title of the case created when there is no active case yet. */
  newCaseTitle: string;
  /** How long a chat capture may spend loading older messages (default 90 s). */
  chatHistoryBudgetMs?: number;
  /** Capture the element the user picked in the page (marked by the picker). */
  element?: boolean;
}

export interface CaptureResult {
  evidenceId: string;
  caseId: string;
  kind: PageKind;
  artifacts: Artifact[];
}

interface PendingArtifact {
  role: ArtifactRole;
  fileName: string;
  mediaType: string;
  method: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Captures one tab into the active case: viewport screenshot, MHTML, DOM, visible
 * text, facts and metadata, each hashed, stored with a custody entry in one
 * transaction. Throws a CaptureError, having stored nothing, when any part fails.
 */
export async function captureTab(
  env: CaptureEnv,
  db: EvidenceDB,
  request: CaptureRequest,
): Promise<CaptureResult> {
  const run = async () => {
    try {
      return await capture(env, db, request);
    } catch (error) {
      // A tab closed mid-capture surfaces as whatever step failed first; name the real cause.
      const gone = await env.getTab(request.tabId).then(
        () => false,
        () => true,
      );
      if (gone && !(error instanceof CaptureError && error.code === 'no-tab')) {
        throw new CaptureError(
          'no-tab',
          `the tab was closed during the capture (${String(error)})`,
        );
      }
      throw toCaptureError(error);
    }
  };
  // One capture at a time: captureVisibleTab shoots whatever tab is showing, and its
  // quota is shared. Captures started together queue here and land in that order.
  return env.exclusive ? env.exclusive(run) : run();
}

type Rendered = Awaited<ReturnType<NonNullable<CaptureEnv['renderPage']>>>;

async function capture(env: CaptureEnv, db: EvidenceDB, request: CaptureRequest) {
  const tab = await env.getTab(request.tabId).catch((e) => {
    throw new CaptureError('no-tab', String(e));
  });
  const reason = restrictedReason(tab.url);
  if (reason === 'pdf') throw new CaptureError('pdf', tab.url);
  if (reason) throw new CaptureError('restricted', `${reason}: ${tab.url ?? ''}`);
  if (!tab.active) await env.activateTab(tab.id);
  // A capture cut off mid-way (its service worker stopped, issue #8) leaves the page
  // scrolled with its fixed bars hidden: show them again before photographing it.
  if (env.fullPage) await undoInterruptedCapture(env.fullPage, tab.id);

  const documentAtStart = await env.currentDocument?.(tab.id);
  const started = env.now();
  const capturedAt = started.toISOString();
  const shootVisible = rateLimitedShooter(() => env.captureVisibleTab(tab.windowId), {
    now: () => env.now().getTime(),
    sleep: env.sleep,
  });
  // Every screenshot must show this tab: if the user switched tabs meanwhile, the
  // pixels would belong to another page.
  const shoot = async () => {
    const png = await shootVisible();
    if (!(await env.getTab(tab.id)).active) {
      throw new Error('another tab was brought to the front during the capture');
    }
    if (env.currentDocument && (await env.currentDocument(tab.id)) !== documentAtStart) {
      throw new CaptureError('navigated', 'the page changed while it was being photographed');
    }
    return png;
  };
  // Pixels first: they are what the user saw when they clicked.
  const screenshot = await shoot().catch((e) => {
    throw e instanceof CaptureError ? e : new CaptureError('screenshot-failed', String(e));
  });
  const failures: { artifact: string; error: string }[] = [];
  // A chat first loads its whole history, so the DOM, text and MHTML below hold it too.
  let chat: Awaited<ReturnType<typeof captureChatPane>> | undefined;
  if (request.kind === 'chat' && env.chat) {
    try {
      chat = await captureChatPane(env.chat, tab.id, shoot, {
        historyBudgetMs: request.chatHistoryBudgetMs ?? 90_000,
        onProgress: (text) => env.progress?.(tab.id, text),
      });
    } catch (error) {
      if (error instanceof CaptureError) throw error;
      failures.push({ artifact: 'chat', error: String(error) });
    }
  }
  const snapshot = await env.snapshotPage(tab.id).catch((e) => {
    throw new CaptureError('page-unreachable', String(e));
  });
  if (snapshot.contentType === 'application/pdf') throw new CaptureError('pdf', snapshot.url);
  const mhtml = await env.saveAsMhtml(tab.id).catch((e) => {
    throw new CaptureError('mhtml-failed', String(e));
  });

  // The element the user picked: without it this capture has no point, so it is not optional.
  let element: Awaited<ReturnType<typeof captureElement>> | undefined;
  if (request.element) {
    if (!env.element) throw new CaptureError('element-failed', 'element capture is not available');
    element = await captureElement(env.element, tab.id, shoot).catch((e) => {
      throw e instanceof CaptureError ? e : new CaptureError('element-failed', String(e));
    });
  }

  // The full page last: scrolling may load more content, and the DOM and MHTML above
  // should show the page as the user had it. A failure here is recorded, not fatal.
  // The DOM re-render runs in the page while the slices are stitched here: both take
  // seconds on a long page, and the page is free again once its slices are taken.
  let rendering: Promise<{ render?: Rendered; error?: string }> | undefined;
  const startRender = () => {
    if (!env.renderPage || rendering) return;
    rendering = env.renderPage(tab.id).then(
      (render) => ({ render }),
      (error) => ({ error: String(error) }),
    );
  };
  let fullPage: Awaited<ReturnType<typeof captureFullPage>> | undefined;
  if (env.fullPage) {
    try {
      fullPage = await captureFullPage(env.fullPage, tab.id, shoot, screenshot, startRender);
    } catch (error) {
      if (error instanceof CaptureError) throw error;
      failures.push({ artifact: 'screenshot-full', error: String(error) });
    }
  }
  startRender();
  const rendered = await rendering;
  if (rendered?.error !== undefined) failures.push({ artifact: 'render', error: rendered.error });
  const render = rendered?.render;

  // Everything above must come from one and the same page.
  if (env.currentDocument) {
    const documentAtEnd = await env.currentDocument(tab.id).catch(() => 'gone');
    if (documentAtEnd !== documentAtStart) {
      throw new CaptureError('navigated', `${tab.url ?? ''} → ${documentAtEnd}`);
    }
  }

  const kind = request.kind ?? snapshot.facts.kind;
  const meta = {
    requestedUrl: tab.url,
    finalUrl: snapshot.url,
    title: snapshot.title,
    capturedAt,
    capturedAtLocal: toChinaIso(started),
    timeZone: CHINA_TIME_ZONE,
    kind,
    suggestedKind: snapshot.facts.kind,
    userAgent: env.userAgent,
    platform: env.platform,
    extensionVersion: env.extensionVersion,
    viewport: snapshot.viewport,
    devicePixelRatio: snapshot.devicePixelRatio,
    pageSize: snapshot.pageSize,
    contentType: snapshot.contentType,
    fullPage: fullPage && {
      slices: fullPage.slices,
      tiles: fullPage.tiles.length,
      capturedHeight: fullPage.capturedHeight,
      truncated: fullPage.truncated,
      firstSliceIsViewportScreenshot: fullPage.reusedViewport,
    },
    element: element && { box: element.box, slices: element.slices },
    chat: chat && {
      frameUrl: chat.frameUrl,
      inIframe: chat.frameId !== 0,
      olderMessageRounds: chat.historyRounds,
      historyComplete: chat.historyComplete,
      slices: chat.slices,
      paneHeight: chat.paneHeight,
    },
    failures,
  };
  const tileName = (i: number, count: number) =>
    count === 1 ? 'screenshot-full.png' : `screenshot-full-${String(i + 1).padStart(2, '0')}.png`;
  const fullPageArtifacts: PendingArtifact[] = (fullPage?.tiles ?? []).map((bytes, i, all) => ({
    role: 'screenshot-full',
    fileName: tileName(i, all.length),
    mediaType: 'image/png',
    method: `scroll-and-stitch: ${fullPage?.slices} chrome.tabs.captureVisibleTab slices drawn on a canvas; fixed and sticky elements shown once${all.length > 1 ? `; tile ${i + 1} of ${all.length} (canvas size limit)` : ''}`,
    bytes,
  }));
  const pending: PendingArtifact[] = [
    {
      role: 'screenshot-viewport',
      fileName: 'screenshot-viewport.png',
      mediaType: 'image/png',
      method: 'chrome.tabs.captureVisibleTab (PNG, visible area at the moment of capture)',
      bytes: screenshot,
    },
    ...fullPageArtifacts,
    ...chatArtifacts(chat),
    ...elementArtifacts(element),
    ...(snapshot.selection
      ? [
          {
            role: 'selection' as const,
            fileName: 'selection.txt',
            mediaType: 'text/plain',
            method:
              'the text the user had selected on the page when capturing (window.getSelection)',
            bytes: encoder.encode(snapshot.selection),
          },
        ]
      : []),
    ...(render
      ? [
          {
            role: 'render' as const,
            fileName: 'render-html2canvas.png',
            mediaType: 'image/png',
            method: `re-render of the DOM by html2canvas 1.4.1, NOT a screenshot: layout and fonts are redrawn by a script and may differ from what the browser showed${render.cropped ? '; only the top of the page was rendered' : ''}`,
            bytes: render.png,
          },
        ]
      : []),
    {
      role: 'mhtml',
      fileName: 'page.mhtml',
      mediaType: 'multipart/related',
      method: 'chrome.pageCapture.saveAsMHTML',
      bytes: mhtml,
    },
    {
      role: 'dom',
      fileName: 'dom.html',
      mediaType: 'text/html',
      method:
        'the live DOM serialised by the capture content script: current form values, open shadow roots as <template shadowrootmode>, same-origin iframes as srcdoc',
      bytes: encoder.encode(snapshot.html),
    },
    {
      role: 'text',
      fileName: 'text.txt',
      mediaType: 'text/plain',
      method: 'document.body.innerText (capture content script)',
      bytes: encoder.encode(snapshot.text),
    },
    {
      role: 'facts',
      fileName: 'facts.json',
      mediaType: 'application/json',
      method: 'extractPage (lib/extract) on the live DOM',
      bytes: json(snapshot.facts),
    },
    {
      role: 'meta',
      fileName: 'meta.json',
      mediaType: 'application/json',
      method: 'capture metadata recorded by the extension',
      bytes: json(meta),
    },
  ];

  const blobs: NewBlob[] = [];
  const artifacts: Artifact[] = [];
  for (const p of pending) {
    const sha256 = await sha256Hex(p.bytes);
    blobs.push({
      sha256,
      data: new Blob([p.bytes], { type: p.mediaType }),
      mediaType: p.mediaType,
    });
    artifacts.push({
      role: p.role,
      fileName: p.fileName,
      sha256,
      bytes: p.bytes.byteLength,
      mediaType: p.mediaType,
      method: p.method,
    });
  }

  // The first capture also creates the case: both land together or neither does.
  return db.transaction(
    'rw',
    [db.cases, db.settings, db.evidence, db.blobs, db.custody],
    async () => {
      const theCase = await ensureActiveCase(db, started, request.newCaseTitle);
      const item = evidenceItem(theCase.id);
      await saveEvidence(db, item, blobs);
      return { evidenceId: item.id, caseId: theCase.id, kind, artifacts };
    },
  );

  function evidenceItem(caseId: string): EvidenceItem {
    return {
      id: crypto.randomUUID(),
      caseId,
      kind,
      source: 'capture',
      title: snapshot.title || snapshot.url,
      url: tab.url ?? snapshot.url,
      finalUrl: snapshot.url,
      capturedAt,
      capturedAtLocal: meta.capturedAtLocal,
      timeZone: CHINA_TIME_ZONE,
      facts: snapshot.facts,
      artifacts,
    };
  }
}

/** Restores fixed and sticky elements a previous, interrupted full-page capture hid. */
async function undoInterruptedCapture(fullPage: FullPageEnv, tabId: number): Promise<void> {
  try {
    const { scrollX, scrollY } = await fullPage.measurePage(tabId);
    await fullPage.restorePage(tabId, scrollX, scrollY);
  } catch {
    // An unreachable page is reported by the capture itself, with its own code.
  }
}

function chatArtifacts(
  chat: Awaited<ReturnType<typeof captureChatPane>> | undefined,
): PendingArtifact[] {
  if (!chat) return [];
  const history = chat.historyComplete
    ? `scrolled to the top until no older messages loaded (${chat.historyRounds} loads)`
    : `older messages loaded for the time allowed (${chat.historyRounds} loads; the oldest may be missing)`;
  const images = chat.tiles.map((bytes, i, all) => ({
    role: 'screenshot-chat' as const,
    fileName:
      all.length === 1 ? 'chat-pane.png' : `chat-pane-${String(i + 1).padStart(2, '0')}.png`,
    mediaType: 'image/png',
    method: `chat pane ${history}, then ${chat.slices} chrome.tabs.captureVisibleTab slices cropped to the pane and stitched`,
    bytes,
  }));
  return [
    ...images,
    {
      role: 'chat-html',
      fileName: 'chat-pane.html',
      mediaType: 'text/html',
      method: `outerHTML of the chat pane after loading its history${chat.frameId ? ` (in the iframe ${chat.frameUrl})` : ''}`,
      bytes: encoder.encode(chat.html),
    },
    {
      role: 'chat-text',
      fileName: 'chat-pane.txt',
      mediaType: 'text/plain',
      method: 'innerText of the chat pane after loading its history',
      bytes: encoder.encode(chat.text),
    },
  ];
}

function elementArtifacts(
  element: Awaited<ReturnType<typeof captureElement>> | undefined,
): PendingArtifact[] {
  if (!element) return [];
  const images = element.tiles.map((bytes, i, all) => ({
    role: 'screenshot-element' as const,
    fileName: all.length === 1 ? 'element.png' : `element-${String(i + 1).padStart(2, '0')}.png`,
    mediaType: 'image/png',
    method: `the element the user picked, cropped from ${element.slices} chrome.tabs.captureVisibleTab screenshot(s) (scrolled into view slice by slice, fixed bars hidden) and stitched`,
    bytes,
  }));
  return [
    ...images,
    {
      role: 'element-html',
      fileName: 'element.html',
      mediaType: 'text/html',
      method: 'outerHTML of the picked element',
      bytes: encoder.encode(element.html),
    },
    {
      role: 'element-text',
      fileName: 'element.txt',
      mediaType: 'text/plain',
      method: 'innerText of the picked element',
      bytes: encoder.encode(element.text),
    },
  ];
}
