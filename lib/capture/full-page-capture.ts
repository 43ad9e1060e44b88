import { planSlices, type Slice, type SlicePlan } from './full-page';
import type { PageMeasure } from './page-functions';

/** The page and canvas operations a full-page capture needs (real ones in browser-env.ts). */
export interface FullPageEnv {
  measurePage(tabId: number): Promise<PageMeasure>;
  preparePageSlice(tabId: number, plan: SlicePlan): Promise<{ y: number }>;
  restorePage(tabId: number, scrollX: number, scrollY: number): Promise<void>;
  stitch(
    slices: readonly Slice[],
    measure: PageMeasure,
    capturedHeight: number,
  ): Promise<Uint8Array<ArrayBuffer>[]>;
}

export interface FullPageResult {
  tiles: Uint8Array<ArrayBuffer>[];
  slices: number;
  /** The page was deeper than MAX_SLICES viewports and was cut. */
  truncated: boolean;
  /** The user's own viewport screenshot served as the first slice. */
  reusedViewport: boolean;
  measure: PageMeasure;
  capturedHeight: number;
}

/**
 * Scroll-and-stitch screenshot of the whole page: one `shoot()` per screen (the caller
 * rate-limits it), fixed and sticky elements shown once, the user's scroll position
 * restored afterwards whatever happens. `afterShots` lets the caller use the page while
 * the slices are stitched.
 */
export async function captureFullPage(
  env: FullPageEnv,
  tabId: number,
  shoot: () => Promise<Uint8Array<ArrayBuffer>>,
  viewportShot?: Uint8Array<ArrayBuffer>,
  /** Called once the page is back as the user had it, before the slices are stitched. */
  afterShots?: () => void,
): Promise<FullPageResult> {
  const measure = await env.measurePage(tabId);
  const reusedViewport = viewportShot !== undefined && measure.scrollY === 0;
  const plans = planSlices(measure.pageHeight, measure.viewportHeight, reusedViewport);
  const slices: Slice[] = [];
  try {
    for (const [i, plan] of plans.entries()) {
      if (i === 0 && reusedViewport && viewportShot) {
        slices.push({ y: 0, png: viewportShot });
        continue;
      }
      const { y } = await env.preparePageSlice(tabId, plan);
      slices.push({ y, png: await shoot() });
    }
  } finally {
    await env.restorePage(tabId, measure.scrollX, measure.scrollY);
  }
  afterShots?.();
  const fullHeight = Math.max(measure.pageHeight, measure.viewportHeight);
  const last = slices[slices.length - 1];
  const capturedHeight = Math.min(fullHeight, (last?.y ?? 0) + measure.viewportHeight);
  return {
    tiles: await env.stitch(slices, measure, capturedHeight),
    slices: slices.length,
    truncated: capturedHeight < fullHeight,
    reusedViewport,
    measure,
    capturedHeight,
  };
}

/** Chrome allows two captureVisibleTab calls per second per extension. */
export const CAPTURE_INTERVAL_MS = 510;

/**
 * Wraps captureVisibleTab so calls are spaced by the quota, retrying when Chrome still
 * reports the quota exceeded.
 */
export function rateLimitedShooter(
  capture: () => Promise<Uint8Array<ArrayBuffer>>,
  clock: { now(): number; sleep(ms: number): Promise<void> },
): () => Promise<Uint8Array<ArrayBuffer>> {
  let last = Number.NEGATIVE_INFINITY;
  return async () => {
    for (let attempt = 0; ; attempt++) {
      const wait = last + CAPTURE_INTERVAL_MS - clock.now();
      if (wait > 0) await clock.sleep(wait);
      last = clock.now();
      try {
        return await capture();
      } catch (error) {
        if (attempt >= 3 || !/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) {
          throw error;
        }
      }
    }
  };
}
