import { describe, expect, it } from 'vitest';
import { captureWithPopup } from '../../scripts/lib/extension-session';
import { blobText, readStore, withExtension } from './helpers';

const h = withExtension();

interface ColourRuns {
  width: number;
  height: number;
  /** [start, length] of each vertical run of the colour in the column. */
  runs: [number, number][];
}

/** Decodes a stored PNG in an extension page and finds runs of one colour down a column. */
function colourRuns(sha256: string, x: number, rgb: [number, number, number]): Promise<ColourRuns> {
  return h.panel.evaluate(
    async ({ sha256, x, rgb }) => {
      const db: IDBDatabase = await new Promise((ok) => {
        const r = indexedDB.open('kameng-evidence');
        r.onsuccess = () => ok(r.result);
      });
      const rec = await new Promise<{ data: Blob }>((ok) => {
        const r = db.transaction('blobs').objectStore('blobs').get(sha256);
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      const bitmap = await createImageBitmap(rec.data);
      const canvas = new OffscreenCanvas(1, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, -x, 0);
      const pixels = ctx.getImageData(0, 0, 1, bitmap.height).data;
      const runs: [number, number][] = [];
      let start = -1;
      for (let y = 0; y <= bitmap.height; y++) {
        const i = y * 4;
        const match =
          y < bitmap.height &&
          Math.abs((pixels[i] ?? 0) - rgb[0]) < 6 &&
          Math.abs((pixels[i + 1] ?? 0) - rgb[1]) < 6 &&
          Math.abs((pixels[i + 2] ?? 0) - rgb[2]) < 6;
        if (match && start < 0) start = y;
        if (!match && start >= 0) {
          runs.push([start, y - start]);
          start = -1;
        }
      }
      return { width: bitmap.width, height: bitmap.height, runs };
    },
    { sha256, x, rgb },
  );
}

describe('full-page screenshot in Chromium', () => {
  it('stitches a long page: sticky header and floating button once, height of the page, scroll restored', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}reviews.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 700));
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeGreaterThan(4000);

    const result = await captureWithPopup(h.session, page, 'other');
    expect(result.state).toBe('done');
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    expect(
      await page.evaluate(() => document.querySelectorAll('[data-kameng-pinned]').length),
    ).toBe(0);
    await page.close();

    const store = await readStore(h.panel);
    const item = store.items.find((i) => i.url.endsWith('reviews.html'));
    // html2canvas 1.4.1 cannot parse the page's oklch() colours: the render is missing,
    // the capture is not, and meta.json says why.
    expect(item?.artifacts.some((a) => a.role === 'render')).toBe(false);
    const meta = JSON.parse(
      await blobText(h.panel, item?.artifacts.find((a) => a.role === 'meta')?.sha256 ?? ''),
    );
    expect(meta.failures).toEqual([
      { artifact: 'render', error: expect.stringContaining('oklch') },
    ]);
    const full = item?.artifacts.filter((a) => a.role === 'screenshot-full') ?? [];
    expect(full.map((a) => a.fileName)).toEqual(['screenshot-full.png']);
    const sha = full[0]?.sha256 ?? '';
    expect(full[0]?.recomputed).toBe(sha);

    const header = await colourRuns(sha, 8, [233, 30, 99]);
    expect(header.height).toBe(pageHeight);
    expect(header.width).toBe(1280);
    // The sticky header once, at the top of the page, full height.
    expect(header.runs).toEqual([[0, 56]]);
    // The floating service button once, not once per screen.
    // A column through the round button beside its text (which would split the run).
    const button = await colourRuns(sha, 1280 - 18 - 10, [0, 150, 136]);
    expect(button.runs.length).toBe(1);
  });

  it('re-renders the top 12,000 px of a tall page with html2canvas, every band in place', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}tall.html?h=20000`, { waitUntil: 'load' });
    expect((await captureWithPopup(h.session, page, 'other')).state).toBe('done');
    await page.close();
    const store = await readStore(h.panel);
    const item = store.items.find((i) => i.url.includes('tall.html'));
    const render = item?.artifacts.find((a) => a.role === 'render');
    expect(render?.fileName).toBe('render-html2canvas.png');
    // Elements wholly below the cut are left out of html2canvas's clone (for speed); the
    // bands above it, including the last one, must all still be drawn where they are.
    const blue = await colourRuns(render?.sha256 ?? '', 8, [0x15, 0x65, 0xc0]);
    const green = await colourRuns(render?.sha256 ?? '', 8, [0x2e, 0x7d, 0x32]);
    expect(blue.height).toBe(12_000);
    expect(blue.runs).toEqual([0, 2, 4, 6, 8, 10].map((i) => [i * 1000, 1000]));
    expect(green.runs).toEqual([1, 3, 5, 7, 9, 11].map((i) => [i * 1000, 1000]));
  });

  it('keeps the viewport screenshot as the pixels the user saw', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}reviews.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 1500));
    expect((await captureWithPopup(h.session, page, 'other')).state).toBe('done');
    await page.close();
    const store = await readStore(h.panel);
    const item = store.items.filter((i) => i.url.endsWith('reviews.html')).at(-1);
    const viewport = item?.artifacts.find((a) => a.role === 'screenshot-viewport');
    const runs = await colourRuns(viewport?.sha256 ?? '', 8, [233, 30, 99]);
    expect(runs.height).toBe(800);
    // Scrolled down, the sticky header sits at the top of the visible area.
    expect(runs.runs).toEqual([[0, 56]]);
  });

  it('gives lazy-loaded images the chance to load, so they appear in the stitched image', async () => {
    const page = await h.session.context.newPage();
    await page.goto(`${h.shop.url}reviews.html`, { waitUntil: 'load' });
    // The last lazy image, far below the first screen: not loaded before the capture.
    const target = await page.evaluate(() => {
      const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('img[data-src]'));
      const img = imgs[imgs.length - 1] as HTMLImageElement;
      const r = img.getBoundingClientRect();
      return {
        loaded: img.complete && img.naturalWidth > 0,
        x: r.left + 5,
        top: r.top + window.scrollY,
        height: r.height,
      };
    });
    expect(target.top).toBeGreaterThan(3000);
    expect(target.loaded).toBe(false);
    expect((await captureWithPopup(h.session, page, 'other')).state).toBe('done');
    await page.close();
    const store = await readStore(h.panel);
    const item = store.items.filter((i) => i.url.endsWith('reviews.html')).at(-1);
    const full = item?.artifacts.find((a) => a.role === 'screenshot-full');
    // The placeholder images are filled with #90caf9.
    const runs = await colourRuns(full?.sha256 ?? '', Math.round(target.x), [144, 202, 249]);
    const top = Math.round(target.top);
    expect(
      runs.runs.some(
        ([start, length]) => Math.abs(start - top) <= 2 && length >= target.height - 4,
      ),
    ).toBe(true);
  });
});
