// Issue #8, hostile content: a captured page full of script payloads must never run in
// any extension page (popup, side panel and its evidence detail view, with the captured
// HTML previewed in its sandboxed frame) or in the exported pack's index.html and
// verify.html opened from disk. Every payload in tests/fixtures/shop/hostile.html logs
// "KAMENG-XSS:<where>" if it runs; this test listens to every page's console.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../lib/pack/verify-pack';
import { EXTENSION_DIR } from '../../scripts/lib/build';
import {
  type ExtensionSession,
  exportWithPanel,
  launchWithExtension,
  openPanel,
  openPopupFor,
  popupResult,
} from '../../scripts/lib/extension-session';
import { type ShopServer, serveShop } from '../../scripts/lib/shop-server';
import { readStore } from './helpers';

const MARKER = 'KAMENG-XSS';
let session: ExtensionSession;
let shop: ShopServer;
let work: string;
/** Every console message and page error seen in the browser, with the page it came from. */
const seen: { pageUrl: string; type: string; text: string }[] = [];

beforeAll(async () => {
  shop = await serveShop();
  session = await launchWithExtension({ extensionDir: EXTENSION_DIR });
  work = mkdtempSync(join(tmpdir(), 'kameng-hostile-'));
  session.context.on('console', (m) =>
    seen.push({ pageUrl: m.page()?.url() ?? m.location().url, type: m.type(), text: m.text() }),
  );
  session.context.on('page', (p) =>
    p.on('pageerror', (e) => seen.push({ pageUrl: p.url(), type: 'pageerror', text: String(e) })),
  );
  for (const p of session.context.pages())
    p.on('pageerror', (e) => seen.push({ pageUrl: p.url(), type: 'pageerror', text: String(e) }));
});

afterAll(async () => {
  await session?.close();
  await shop?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Console traffic from anywhere but the hostile page itself. */
const fromUs = () => seen.filter((s) => !s.pageUrl.startsWith(shop.url));

/**
 * What a payload leaves in a page's DOM when it is inserted as HTML instead of text:
 * inline handlers, script URLs, injected scripts and frames. A strict CSP may stop
 * such markup from running; it must not get into the page at all. With
 * `sandboxedPreview`, the detail view's own preview frame is allowed (its srcdoc is the
 * captured page) as long as it is fully sandboxed: `sandbox=""`, no permission at all.
 */
function injectedMarkup(page: Page, sandboxedPreview = false) {
  return page.evaluate((allowPreview) => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (
        allowPreview &&
        el.tagName === 'IFRAME' &&
        el.getAttribute('data-testid') === 'sandboxed-frame' &&
        el.getAttribute('sandbox') === '' &&
        Array.from(el.attributes).every(
          (a) => !/^on/i.test(a.name) && !/^(src|allow)$/i.test(a.name),
        )
      )
        continue;
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^(href|src|srcdoc|action|formaction|xlink:href)$/i.test(attr.name)) {
          if (
            /^\s*(javascript|data:text\/html|vbscript)/i.test(attr.value) ||
            /KAMENG/.test(attr.value)
          )
            found.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 80)}`);
        }
      }
      if (/^(IFRAME|OBJECT|EMBED|MARQUEE|DETAILS|VIDEO)$/.test(el.tagName)) found.push(el.tagName);
      if (el.tagName === 'SCRIPT' && /KAMENG/.test(el.textContent ?? '')) found.push('SCRIPT');
    }
    return found;
  }, sandboxedPreview);
}

async function expectClean(page: Page, what: string, sandboxedPreview = false) {
  expect(
    await injectedMarkup(page, sandboxedPreview),
    `${what}: markup injected from the page`,
  ).toEqual([]);
}

async function unzipTo(dir: string, zip: Uint8Array) {
  for (const [name, bytes] of await readZip(zip)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

const HOSTILE_URL = () =>
  `${shop.url}hostile.html?q=${encodeURIComponent(`<script>console.log('${MARKER}:url')</script>`)}#"><img src=x onerror=console.log('${MARKER}:hash')>`;

describe('hostile pages in Chromium', () => {
  let hostile: Page;

  it('positive control: the payloads run in the hostile page itself, and the checks see them', async () => {
    hostile = await session.context.newPage();
    await hostile.goto(HOSTILE_URL(), { waitUntil: 'load' });
    await expect
      .poll(() => seen.filter((s) => s.pageUrl.startsWith(shop.url)).map((s) => s.text))
      .toEqual(expect.arrayContaining([`${MARKER}:page-own-script`, `${MARKER}:page-own-img`]));
    // The DOM check flags the page's own handlers and script links.
    expect((await injectedMarkup(hostile)).length).toBeGreaterThan(3);
    const title = await hostile.title();
    expect(title).toContain('<img src=x onerror=');
    expect(title).toContain('\u202e');
  });

  it('captures it as a page and as a chat; the popup shows its title as text', async () => {
    for (const kind of ['other', 'chat']) {
      const popup = await openPopupFor(session, hostile, kind);
      const clicked = performance.now();
      await popup.getByTestId('capture').click();
      const result = await popupResult(popup, clicked);
      expect(result.state, result.message).toBe('done');
      // The popup showed the hostile title (as text) before and after the capture.
      expect(await popup.locator('.target').innerText()).toContain(`${MARKER}:title-img`);
      await expectClean(popup, `popup (${kind})`);
      await popup.close();
    }
  });

  it('the side panel lists both items with the payloads as inert text', async () => {
    const panel = await openPanel(session);
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBe(2);
    expect(await panel.locator('body').innerText()).toContain(`${MARKER}:title-script`);
    await expectClean(panel, 'side panel');

    const packPath = await exportWithPanel(session, panel);
    await expectClean(panel, 'side panel after export');
    await panel.close();
    const packDir = join(work, 'pack');
    await unzipTo(packDir, new Uint8Array(readFileSync(packPath)));
    // The captured strings really are in the pack: the DOM, the chat transcript, the manifest.
    const evidence = readdirSync(join(packDir, 'evidence'));
    expect(evidence).toHaveLength(2);
    // The chat capture found the hostile chat pane and kept its messages.
    const chatDir = evidence.find((d) => d.endsWith('-chat'));
    expect(chatDir).toBeDefined();
    expect(
      readFileSync(join(packDir, 'evidence', chatDir ?? '', 'chat-pane.txt'), 'utf8'),
    ).toContain(`${MARKER}:chat1-img`);
    expect(readFileSync(join(packDir, 'manifest.json'), 'utf8')).toContain(`${MARKER}:title-img`);

    const catalogue = await session.context.newPage();
    await catalogue.goto(pathToFileURL(join(packDir, 'index.html')).href);
    expect(await catalogue.locator('body').innerText()).toContain(`${MARKER}:title-svg`);
    await expectClean(catalogue, 'index.html');

    const verifier = await session.context.newPage();
    await verifier.goto(pathToFileURL(join(packDir, 'verify.html')).href);
    await verifier.getByTestId('folder').setInputFiles(packDir);
    await verifier.waitForSelector('#summary[data-state]');
    expect(await verifier.getAttribute('#summary', 'data-state')).toBe('intact');
    await expectClean(verifier, 'verify.html');
    await catalogue.close();
    await verifier.close();
  });

  it("each item's detail view shows its facts, sources, artifacts, custody and sandboxed preview as inert text", async () => {
    const panel = await openPanel(session);
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBe(2);
    const ids = await panel
      .getByTestId('evidence-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-evidence-id') ?? ''));
    const store = await readStore(panel);
    let previews = 0;
    let sourcesShown = 0;
    let transcriptShown = false;
    for (const id of ids) {
      const stored = store.items.find((i) => i.id === id);
      expect(stored, id).toBeDefined();
      await panel
        .locator(`[data-testid=evidence-item][data-evidence-id="${id}"]`)
        .getByTestId('open-detail')
        .click();
      const detail = panel.locator(`[data-testid=evidence-detail][data-evidence-id="${id}"]`);
      await detail.waitFor();
      const text = await detail.innerText();
      // The hostile title, as text, in the heading.
      expect(await detail.locator('h2').innerText()).toContain(`${MARKER}:title-img`);
      // Facts (or the "no facts" line), with where each was read.
      const facts = await detail.getByTestId('fact').count();
      sourcesShown += await detail.locator('.fact-source').count();
      if (await detail.locator('.transcript').count()) {
        transcriptShown = true;
        expect(await detail.locator('.transcript').innerText()).toContain(`${MARKER}:chat1-img`);
      }
      expect(
        facts + (await detail.locator('.transcript li').count()),
        `facts of ${id}`,
      ).toBeGreaterThan(0);
      // Every artifact listed, with its full hash.
      const artifacts = detail.getByTestId('artifact');
      expect(await artifacts.count()).toBe(stored?.artifacts.length);
      for (const a of stored?.artifacts ?? []) expect(text).toContain(a.sha256);
      // The custody history of the item: at least its capture entry.
      await expect
        .poll(() => detail.locator('[data-testid=custody-entry][data-action=capture]').count())
        .toBe(1);
      await expectClean(panel, `detail of ${id}`);
      // The HTML preview(s), opened: a frame with an opaque origin and no scripts.
      const buttons = detail.getByTestId('view-sandboxed');
      const n = await buttons.count();
      // One at a time: each preview opens (or says why not) before the next is asked for.
      for (let i = 0; i < n; i++) {
        await buttons.nth(i).click();
        await expect.poll(() => buttons.nth(i).getAttribute('aria-expanded')).toBe('true');
        await expect
          .poll(async () => {
            const failed = detail.getByTestId('sandboxed-error');
            if (await failed.count()) return `error: ${await failed.first().innerText()}`;
            return detail.getByTestId('sandboxed-frame').count();
          })
          .toBe(i + 1);
      }
      if (n > 0) {
        previews += n;
        const frames = await detail.getByTestId('sandboxed-frame').evaluateAll(
          (els, marker) =>
            els.map((f) => ({
              sandbox: f.getAttribute('sandbox'),
              // An opaque origin: the extension page cannot reach into it (nor it out).
              reachable: (f as HTMLIFrameElement).contentDocument !== null,
              captured: (f.getAttribute('srcdoc') ?? '').includes(marker),
            })),
          MARKER,
        );
        for (const f of frames)
          expect(f).toEqual({ sandbox: '', reachable: false, captured: true });
        // Give any payload inside the frames time to (not) run.
        await panel.waitForTimeout(500);
      }
      await expectClean(panel, `detail of ${id} with its preview`, true);
      // Control: without the allowance, the checker sees the preview frames (the tag and
      // the captured page in srcdoc) and nothing else.
      const unallowed = await injectedMarkup(panel, false);
      expect(unallowed.every((f) => f.startsWith('IFRAME'))).toBe(true);
      expect(unallowed).toHaveLength(2 * n);
      await detail.getByTestId('close-detail').click();
      await detail.waitFor({ state: 'detached' });
    }
    expect(transcriptShown, 'the chat item shows its transcript').toBe(true);
    expect(sourcesShown, 'facts show where they were read').toBeGreaterThan(0);
    expect(previews, 'at least one captured HTML previewed').toBeGreaterThan(0);
    await expectClean(panel, 'side panel after the detail views');
    await panel.close();
  });

  it('nothing ran anywhere but in the hostile page, and no CSP had to stop anything', () => {
    const fired = fromUs().filter((s) => s.text.includes(MARKER));
    expect(fired, JSON.stringify(fired.slice(0, 5))).toEqual([]);
    // A blocked inline handler or script shows up as a CSP report in the console.
    const blocked = fromUs().filter((s) =>
      /Content Security Policy|Refused to (execute|load|evaluate)/i.test(s.text),
    );
    expect(blocked, JSON.stringify(blocked.slice(0, 5))).toEqual([]);
    const errors = fromUs().filter((s) => s.type === 'pageerror');
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
  });
});

describe('the built extension keeps a strict content security policy', () => {
  const manifest = () =>
    JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string; sandbox?: string };
    };

  it("extension pages: scripts only from the extension, no 'unsafe-eval', nothing remote", () => {
    const csp = manifest().content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest().content_security_policy?.sandbox).toBeUndefined();
  });

  // zod 4 (a dependency) carries a JIT that compiles object parsers with `new Function`,
  // after probing `Function('')` (zod/v4/core/util.js allowsEval, doc.js compile). Under
  // the CSP above the probe throws and zod parses without it; the test below proves the
  // browser refuses eval in every extension context. These two snippets are the only
  // string-to-code sites allowed in the build; anything new fails here.
  const KNOWN = [
    /try\{return Function\(``\),!0\}catch\{return!1\}/g,
    /(\w+)=Function,(\w+)=this\?\.content\?\?\[``\];return new \1\(\.\.\.Object\.keys\(this\.closed\)/g,
  ];

  it('no eval, Function constructor or remote script in the built extension (beyond the zod probe)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(js|html)$/.test(entry.name)) files.push(path);
      }
    };
    walk(EXTENSION_DIR);
    expect(files.length).toBeGreaterThan(3);
    const offending: string[] = [];
    let known = 0;
    for (const file of files) {
      let text = readFileSync(file, 'utf8');
      for (const pattern of KNOWN) {
        known += text.match(pattern)?.length ?? 0;
        text = text.replace(pattern, '');
      }
      for (const pattern of [
        /(^|[^\w$.])eval\s*\(/,
        /new\s+Function\s*\(/,
        /(^|[^\w$.])Function\s*\(/,
        /=\s*Function\s*[,;)]/,
        /set(Timeout|Interval)\s*\(\s*["'`]/,
        /<script[^>]+src=["']?(https?:)?\/\//i,
        /import\s*\(\s*["'`]https?:/,
        /importScripts\s*\(\s*["'`]https?:/,
      ]) {
        const match = pattern.exec(text);
        if (match)
          offending.push(
            `${file.slice(EXTENSION_DIR.length)}: ${text.slice(Math.max(0, match.index - 40), match.index + 60)}`,
          );
      }
    }
    expect(offending).toEqual([]);
    // The allowance is not silently unused: if zod drops the JIT, drop it here too.
    expect(known).toBeGreaterThan(0);
  });

  it('the browser refuses eval and the Function constructor in extension pages and the worker', async () => {
    // Code evaluated over DevTools is exempt from CSP, so the probe runs later, from a
    // timer the page itself fires, and leaves its outcome in a global.
    const probe = () =>
      new Promise((resolve) => {
        setTimeout(() => {
          const outcome = (run: () => unknown) => {
            try {
              run();
              return 'ran';
            } catch (error) {
              return (error as Error).name;
            }
          };
          resolve({
            // biome-ignore lint/security/noGlobalEval: the point is that it is refused
            eval: outcome(() => eval('1')),
            fn: outcome(() => new Function('return 1')()),
          });
        }, 0);
      });
    const refused = { eval: 'EvalError', fn: 'EvalError' };
    for (const path of ['popup.html', 'sidepanel.html']) {
      const page = await session.context.newPage();
      await page.goto(session.extensionUrl(path));
      expect(await page.evaluate(probe), path).toEqual(refused);
      await page.close();
    }
    expect(await (await session.worker()).evaluate(probe), 'service worker').toEqual(refused);
    // Positive control: the same probe in an ordinary page without a CSP does run.
    const plain = await session.context.newPage();
    await plain.goto(`${shop.url}index.html`);
    expect(await plain.evaluate(probe)).toEqual({ eval: 'ran', fn: 'ran' });
    await plain.close();
  });
});
