import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { browser as extensionBrowser } from 'wxt/browser';
import { findChromium } from './chromium';

// Only for type checking the functions evaluated inside the extension's worker, where
// `chrome` is the real extension API.
declare const chrome: typeof extensionBrowser;

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  downloadsDir: string;
  worker(): Promise<Worker>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Browser UI language: zh-CN by default, as for the product's users. */
  lang?: string;
  /**
   * An existing profile folder to start with (e.g. to restart the browser on the same
   * profile after a crash test); a fresh temporary one when absent.
   */
  profileDir?: string;
  /** Leave the profile folder on disk when the session closes (default: delete it). */
  keepProfile?: boolean;
  /** Opens a DevTools port, to reach the real side panel through connectOverCDP. */
  remoteDebuggingPort?: number;
}

/**
 * Starts Chromium headless with the built extension loaded, in a fresh profile whose
 * downloads land (under their own names) in a temporary folder.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'kameng-profile-'));
  const downloadsDir = join(profile, 'downloads');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  mkdirSync(downloadsDir, { recursive: true });
  // Without these, Playwright's download handling renames files to GUIDs.
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
  );
  const lang = options.lang ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: lang,
    acceptDownloads: false,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...(options.remoteDebuggingPort
        ? [`--remote-debugging-port=${options.remoteDebuggingPort}`]
        : []),
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  const blank = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(blank);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  return {
    context,
    extensionId,
    downloadsDir,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `page`, asked of the extension itself. */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const marker = `kameng-${Math.random().toString(36).slice(2)}`;
  const original = await page.title();
  await page.evaluate((m) => {
    document.title = m;
  }, marker);
  const w = await session.worker();
  const id = await w.evaluate(async (m) => {
    const tabs = await chrome.tabs.query({ title: m });
    return tabs[0]?.id;
  }, marker);
  await page.evaluate((t) => {
    document.title = t;
  }, original);
  if (id === undefined) throw new Error(`no tab found for ${page.url()}`);
  return id;
}

export interface PopupResult {
  state: 'done' | 'error';
  code?: string;
  message: string;
  /** From the click on the capture button to the popup reporting the result. */
  elapsedMs: number;
}

/**
 * The extension's popup page for `page`'s tab, opened in its own small window with its
 * kind chosen and its capture button ready. (Headless Chromium has no toolbar to click.)
 */
export async function openPopupFor(
  session: ExtensionSession,
  page: Page,
  kind?: string,
): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  await page.bringToFront();
  const popupUrl = session.extensionUrl(`popup.html?tabId=${tabId}`);
  const opened = session.context.waitForEvent('page', { predicate: (p) => p.url() === popupUrl });
  const w = await session.worker();
  await w.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 360, height: 420, focused: false });
  }, popupUrl);
  const popup = await opened;
  await popup.getByTestId('capture').waitFor();
  await popup.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('[data-testid=capture]')?.disabled,
  );
  if (kind) await popup.getByTestId('kind-select').selectOption(kind);
  return popup;
}

/** Waits for the popup to report the capture's outcome. */
export async function popupResult(popup: Page, clicked: number): Promise<PopupResult> {
  const status = popup.locator(
    '[data-testid=status][data-state=done], [data-testid=status][data-state=error]',
  );
  await status.waitFor({ timeout: 120_000 });
  const elapsedMs = performance.now() - clicked;
  const state = (await status.getAttribute('data-state')) as 'done' | 'error';
  const coded = status.locator('[data-code]');
  const code = (await coded.count())
    ? ((await coded.getAttribute('data-code')) ?? undefined)
    : undefined;
  return { state, code, message: (await status.innerText()).trim(), elapsedMs };
}

/**
 * Captures `page` the way a click on the toolbar button does: the extension's popup
 * page for that tab and a real click on its capture button. `afterClick` runs while
 * the capture is under way (tests use it to close or navigate the tab).
 */
export async function captureWithPopup(
  session: ExtensionSession,
  page: Page,
  kind?: string,
  afterClick?: () => Promise<void>,
): Promise<PopupResult> {
  const popup = await openPopupFor(session, page, kind);
  try {
    const clicked = performance.now();
    await popup.getByTestId('capture').click();
    await afterClick?.();
    return await popupResult(popup, clicked);
  } finally {
    await popup.close();
  }
}

/** Exports the active case from the side panel page and returns the pack's path on disk. */
export async function exportWithPanel(session: ExtensionSession, panel?: Page): Promise<string> {
  const page = panel ?? (await openPanel(session));
  const before = new Set(readdirSync(session.downloadsDir));
  await page.getByTestId('export').click();
  await page
    .locator(
      '[data-testid=export-status][data-state=done], [data-testid=export-status][data-state=error]',
    )
    .waitFor({ timeout: 120_000 });
  const state = await page.getByTestId('export-status').getAttribute('data-state');
  if (state !== 'done')
    throw new Error(`export failed: ${await page.getByTestId('export-status').innerText()}`);
  const w = await session.worker();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const item = await w.evaluate(async () => {
      const [latest] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
      return latest
        ? { state: latest.state, filename: latest.filename, error: latest.error }
        : undefined;
    });
    if (item?.state === 'complete' && item.filename && !before.has(item.filename)) {
      if (!panel) await page.close();
      return item.filename;
    }
    if (item?.state === 'interrupted') throw new Error(`download interrupted: ${item.error}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the pack download did not complete within 60 s');
}

/** The side panel page opened as an ordinary tab (the real panel needs a toolbar gesture). */
export async function openPanel(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('sidepanel.html'));
  await page.getByTestId('export').waitFor();
  return page;
}

/** Creates a case in the side panel as a user would, which makes it the active case. */
export async function createCaseWithPanel(session: ExtensionSession, title: string): Promise<void> {
  const page = await openPanel(session);
  try {
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill(title);
    await page.getByTestId('case-form-save').click();
    await page.getByTestId('case-title').filter({ hasText: title }).waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
  }
}

/**
 * The complaint workspace of the side panel page (issue #6). The panel keeps it behind
 * its 投诉 tab, which is clicked when the workspace is not shown.
 */
export async function openComplaints(session: ExtensionSession, panel?: Page): Promise<Page> {
  const page = panel ?? (await openPanel(session));
  const workspace = page.getByTestId('complaint-workspace');
  try {
    await workspace.waitFor({ timeout: 3_000 });
  } catch {
    const opener = page
      .getByTestId('tab-complaints')
      .or(page.getByRole('tab', { name: /投诉|Complaint/ }));
    if (await opener.count()) await opener.first().click();
    try {
      await workspace.waitFor({ timeout: 10_000 });
    } catch {
      throw new Error('the side panel does not show the complaint workspace');
    }
  }
  return page;
}

/**
 * Drafts `channel` for the active case as a user would: the side panel's complaint
 * workspace, the channel chosen, "save draft" clicked. Returns the saved record's id.
 */
export async function draftWithPanel(
  session: ExtensionSession,
  channel: string,
  panel?: Page,
): Promise<string> {
  const page = await openComplaints(session, panel);
  try {
    await page.getByTestId('channel-select').selectOption(channel);
    await page.locator(`[data-testid=draft][data-channel="${channel}"]`).waitFor();
    const before = await page.getByTestId('complaint-record').count();
    await page.getByTestId('save-draft').click();
    const status = page.locator(
      '[data-testid=save-status][data-state=done], [data-testid=save-status][data-state=error]',
    );
    await status.waitFor({ timeout: 30_000 });
    if ((await status.getAttribute('data-state')) !== 'done') {
      throw new Error(`draft not saved: ${(await status.innerText()).trim()}`);
    }
    const record = page.getByTestId('complaint-record').nth(before);
    await record.waitFor();
    return (await record.getAttribute('data-id')) ?? '';
  } finally {
    if (!panel) await page.close();
  }
}

/**
 * Stops the extension's service worker the way Chrome stops an idle MV3 worker: its
 * globals are gone and the next event starts a fresh one. Uses the browser-level CDP
 * `Target.closeTarget` on the worker's target (ServiceWorker.stopAllWorkers from a page
 * session does not reach extension workers in Chromium 156). Returns how many it stopped.
 */
export async function stopServiceWorker(session: ExtensionSession): Promise<number> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const prefix = `chrome-extension://${session.extensionId}/`;
    const workers = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(prefix),
      );
    const running = await workers();
    for (const target of running)
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const deadline = Date.now() + 10_000;
    while ((await workers()).length > 0) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      await new Promise((r) => setTimeout(r, 50));
    }
    return running.length;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Starts the extension's service worker again after `stopServiceWorker`, as an event
 * would: a message from an extension page (answered `bad-request`, no side effects).
 * Until then, evaluating in `session.worker()` waits forever.
 */
export async function wakeServiceWorker(session: ExtensionSession, extensionPage: Page) {
  await extensionPage.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined),
  );
  const worker = await session.worker();
  await worker.evaluate(() => true);
}

/**
 * Whether the extension's service worker is running now (browser-level CDP targets), to
 * check that nothing but the event under test woke it after `stopServiceWorker`.
 */
export async function serviceWorkerRunning(session: ExtensionSession): Promise<boolean> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const prefix = `chrome-extension://${session.extensionId}/`;
    return (await cdp.send('Target.getTargets')).targetInfos.some(
      (t) => t.type === 'service_worker' && t.url.startsWith(prefix),
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
