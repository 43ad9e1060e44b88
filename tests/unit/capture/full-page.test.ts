import { describe, expect, it, vi } from 'vitest';
import { captureTab } from '@/lib/capture/capture-tab';
import { planSlices, planTiles, type Slice } from '@/lib/capture/full-page';
import {
  CAPTURE_INTERVAL_MS,
  captureFullPage,
  type FullPageEnv,
  rateLimitedShooter,
} from '@/lib/capture/full-page-capture';
import type { PageMeasure } from '@/lib/capture/page-functions';
import { readBlob } from '@/lib/db';
import { stubCaptureEnv, testDb } from '../helpers';

describe('planSlices', () => {
  it('covers a 3-screen page with the last slice aligned to the bottom', () => {
    const plans = planSlices(2000, 800);
    expect(plans.map((p) => p.y)).toEqual([0, 800, 1200]);
    expect(plans.map((p) => [p.showTop, p.showBottom])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(plans.map((p) => [p.top, p.bottom])).toEqual([
      [0, 800],
      [800, 1600],
      [1600, 2400],
    ]);
  });

  it('takes one slice showing everything for a page no taller than the viewport', () => {
    expect(planSlices(500, 800)).toEqual([
      { y: 0, top: 0, bottom: 800, showTop: true, showBottom: true },
    ]);
  });

  it('shows bottom bars in the first slice when it is the viewport screenshot', () => {
    const plans = planSlices(2400, 800, true);
    expect(plans.map((p) => [p.showTop, p.showBottom])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
  });

  it('stops at the slice limit without aligning the last slice to the bottom', () => {
    const plans = planSlices(100_000, 800, false, 5);
    expect(plans).toHaveLength(5);
    expect(plans.at(-1)?.y).toBe(3200);
  });
});

describe('planTiles', () => {
  it('keeps a page that fits the canvas limits in one tile', () => {
    expect(planTiles(1280, 30_000)).toEqual([{ top: 0, height: 30_000 }]);
  });

  it('splits a page taller than 32,767 px into numbered tiles covering it exactly', () => {
    const tiles = planTiles(1280, 70_000);
    expect(tiles.length).toBe(3);
    expect(tiles.every((t) => t.height <= 32_767)).toBe(true);
    expect(tiles.reduce((sum, t) => sum + t.height, 0)).toBe(70_000);
    expect(tiles[1]?.top).toBe(tiles[0]?.height);
  });

  it('keeps each tile under the 268M pixel area limit for very wide pages', () => {
    const tiles = planTiles(20_000, 40_000);
    expect(tiles.every((t) => t.height * 20_000 <= 268_435_456)).toBe(true);
  });
});

describe('rateLimitedShooter', () => {
  function clock() {
    let t = 1000;
    return {
      now: () => t,
      sleep: vi.fn(async (ms: number) => {
        t += ms;
      }),
      advance: (ms: number) => {
        t += ms;
      },
    };
  }

  it('spaces calls by the 2-per-second quota', async () => {
    const c = clock();
    const times: number[] = [];
    const shoot = rateLimitedShooter(async () => {
      times.push(c.now());
      return new Uint8Array(1);
    }, c);
    await shoot();
    await shoot();
    c.advance(100);
    await shoot();
    const [a = 0, b = 0, c3 = 0] = times;
    expect(b - a).toBeGreaterThanOrEqual(CAPTURE_INTERVAL_MS);
    expect(c3 - b).toBeGreaterThanOrEqual(CAPTURE_INTERVAL_MS);
  });

  it('retries when Chrome reports the quota exceeded, and gives up on other errors', async () => {
    const c = clock();
    let calls = 0;
    const shoot = rateLimitedShooter(async () => {
      calls++;
      if (calls === 1)
        throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return new Uint8Array([9]);
    }, c);
    expect(await shoot()).toEqual(new Uint8Array([9]));
    expect(calls).toBe(2);
    const failing = rateLimitedShooter(async () => {
      throw new Error('tab gone');
    }, c);
    await expect(failing()).rejects.toThrow('tab gone');
  });
});

const MEASURE: PageMeasure = {
  scrollX: 0,
  scrollY: 300,
  viewportWidth: 1280,
  viewportHeight: 800,
  pageWidth: 1280,
  pageHeight: 2000,
  devicePixelRatio: 1,
};

function fullPageEnv(measure = MEASURE, failAt = -1) {
  let call = 0;
  const env = {
    measurePage: vi.fn(async () => measure),
    preparePageSlice: vi.fn(async (_tab: number, plan: { y: number }) => {
      if (call++ === failAt) throw new Error('page navigated away');
      return { y: plan.y };
    }),
    restorePage: vi.fn(async () => {}),
    stitch: vi.fn(async (_slices: readonly Slice[]) => [new Uint8Array([1, 2, 3])]),
  } satisfies FullPageEnv;
  return env;
}

describe('captureFullPage', () => {
  it('shoots one slice per screen and restores the user’s scroll position', async () => {
    const env = fullPageEnv();
    const shoot = vi.fn(async () => new Uint8Array([7]));
    const result = await captureFullPage(env, 5, shoot, new Uint8Array([8]));
    expect(shoot).toHaveBeenCalledTimes(3);
    expect(result.reusedViewport).toBe(false);
    expect(result.capturedHeight).toBe(2000);
    expect(env.restorePage).toHaveBeenCalledWith(5, 0, 300);
    expect(env.stitch.mock.calls[0]?.[0].map((s) => s.y)).toEqual([0, 800, 1200]);
  });

  it('reuses the viewport screenshot as the first slice when the user was at the top', async () => {
    const env = fullPageEnv({ ...MEASURE, scrollY: 0 });
    const shoot = vi.fn(async () => new Uint8Array([7]));
    const result = await captureFullPage(env, 5, shoot, new Uint8Array([8]));
    expect(result.reusedViewport).toBe(true);
    expect(shoot).toHaveBeenCalledTimes(2);
    expect(env.stitch.mock.calls[0]?.[0][0]?.png).toEqual(new Uint8Array([8]));
  });

  it('restores the page even when a slice fails', async () => {
    const env = fullPageEnv(MEASURE, 1);
    await expect(captureFullPage(env, 5, async () => new Uint8Array(1))).rejects.toThrow(
      'navigated',
    );
    expect(env.restorePage).toHaveBeenCalledWith(5, 0, 300);
  });
});

describe('captureTab with full-page capture', () => {
  const env = (fullPage: FullPageEnv) => stubCaptureEnv({ fullPage });

  it('stores the stitched image as screenshot-full.png with its method', async () => {
    const db = testDb();
    const result = await captureTab(env(fullPageEnv()), db, { tabId: 1, newCaseTitle: 'c' });
    const full = result.artifacts.find((a) => a.role === 'screenshot-full');
    expect(full?.fileName).toBe('screenshot-full.png');
    expect(full?.method).toMatch(/scroll-and-stitch: 3 .*captureVisibleTab/);
    expect(await readBlob(db, full?.sha256 ?? '')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('names tiles screenshot-full-01.png, -02.png … when the page needs several', async () => {
    const db = testDb();
    const tiles = fullPageEnv();
    tiles.stitch.mockResolvedValue([new Uint8Array([1]), new Uint8Array([2])]);
    const result = await captureTab(env(tiles), db, { tabId: 1, newCaseTitle: 'c' });
    expect(
      result.artifacts.filter((a) => a.role === 'screenshot-full').map((a) => a.fileName),
    ).toEqual(['screenshot-full-01.png', 'screenshot-full-02.png']);
  });

  it('still lands the capture when the full page fails, and records why in meta.json', async () => {
    const db = testDb();
    const result = await captureTab(env(fullPageEnv(MEASURE, 0)), db, {
      tabId: 1,
      newCaseTitle: 'c',
    });
    expect(result.artifacts.some((a) => a.role === 'screenshot-full')).toBe(false);
    const meta = result.artifacts.find((a) => a.role === 'meta');
    const parsed = JSON.parse(new TextDecoder().decode(await readBlob(db, meta?.sha256 ?? '')));
    expect(parsed.failures).toEqual([
      { artifact: 'screenshot-full', error: expect.stringContaining('navigated') },
    ]);
  });
});

describe('the DOM re-render during a full-page capture', () => {
  it('starts once the page is restored, while the slices are still being stitched', async () => {
    const order: string[] = [];
    const fullPage = fullPageEnv();
    fullPage.restorePage.mockImplementation(async () => {
      order.push('restore');
    });
    let stitched!: () => void;
    fullPage.stitch.mockImplementation(async () => {
      order.push('stitch start');
      await new Promise<void>((resolve) => {
        stitched = resolve;
        // The stitch only ends once the render has started, or the test times out.
        if (order.includes('render')) resolve();
      });
      order.push('stitch end');
      return [new Uint8Array([1])];
    });
    const renderPage = vi.fn(async () => {
      order.push('render');
      stitched?.();
      return { png: new Uint8Array([9]), width: 1, height: 1, cropped: false };
    });
    const result = await captureTab(stubCaptureEnv({ fullPage, renderPage }), testDb(), {
      tabId: 1,
      newCaseTitle: 'c',
    });
    // (A first restore undoes any capture cut off earlier.)
    expect(order.slice(-4)).toEqual(['restore', 'render', 'stitch start', 'stitch end']);
    expect(renderPage).toHaveBeenCalledTimes(1);
    expect(result.artifacts.some((a) => a.role === 'render')).toBe(true);
  });

  it('is still made, once, when the full page fails, and its own failure is recorded after it', async () => {
    const db = testDb();
    const renderPage = vi.fn(async () => {
      throw new Error('oklch() is not supported');
    });
    const result = await captureTab(
      stubCaptureEnv({ fullPage: fullPageEnv(MEASURE, 0), renderPage }),
      db,
      { tabId: 1, newCaseTitle: 'c' },
    );
    expect(renderPage).toHaveBeenCalledTimes(1);
    const meta = result.artifacts.find((a) => a.role === 'meta');
    const parsed = JSON.parse(new TextDecoder().decode(await readBlob(db, meta?.sha256 ?? '')));
    expect(parsed.failures.map((f: { artifact: string }) => f.artifact)).toEqual([
      'screenshot-full',
      'render',
    ]);
  });
});
