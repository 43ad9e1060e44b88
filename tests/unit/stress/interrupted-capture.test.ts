import { describe, expect, it } from 'vitest';
import { type CaptureEnv, captureTab } from '@/lib/capture/capture-tab';
import type { FullPageEnv } from '@/lib/capture/full-page-capture';
import { stubCaptureEnv, testDb } from '../helpers';

// Issue #8: when the service worker is stopped during a full-page capture, the page is
// left with its fixed header hidden (preparePageSlice) and nobody runs restorePage. The
// next capture's viewport screenshot, "what the user saw", must not miss the header.
// (Seen in Chromium: tests/e2e/stress-faults.e2e.ts left reviews.html so.)

/** A page whose fixed bars an interrupted capture left hidden. */
function leftHiddenPage() {
  const page = { barsHidden: true, shots: [] as boolean[] };
  const fullPage: FullPageEnv = {
    measurePage: async () => ({
      scrollX: 0,
      scrollY: 4000,
      viewportWidth: 1280,
      viewportHeight: 800,
      pageWidth: 1280,
      pageHeight: 800,
      devicePixelRatio: 1,
    }),
    preparePageSlice: async () => ({ y: 0 }),
    restorePage: async () => {
      page.barsHidden = false;
    },
    stitch: async () => [new Uint8Array([9])],
  };
  const env = stubCaptureEnv({
    captureVisibleTab: async () => {
      page.shots.push(page.barsHidden);
      return new Uint8Array([1]);
    },
    fullPage,
  });
  return { page, env };
}

describe('a capture after an interrupted one', () => {
  it('shows the fixed bars again before the viewport screenshot', async () => {
    const { page, env } = leftHiddenPage();
    await captureTab(env, testDb(), { tabId: 1, newCaseTitle: 'c' });
    expect(page.shots[0]).toBe(false);
  });

  it('still captures when the page cannot be measured first', async () => {
    const { env } = leftHiddenPage();
    const failing: CaptureEnv = {
      ...env,
      fullPage: {
        ...(env.fullPage as FullPageEnv),
        measurePage: async () => {
          throw new Error('frame gone');
        },
      },
    };
    const result = await captureTab(failing, testDb(), { tabId: 1, newCaseTitle: 'c' });
    expect(result.evidenceId).toBeTruthy();
  });
});
