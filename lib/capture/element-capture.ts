import { type Crop, pngSize } from './full-page';
import type { PickedElement } from './picker-functions';

/** The page operations an element capture needs (real ones in browser-env.ts). */
export interface ElementEnv {
  readPicked(tabId: number): Promise<PickedElement | undefined>;
  /** Scrolls the window to `y` with fixed and sticky elements hidden; returns the scroll reached. */
  scrollTo(tabId: number, y: number): Promise<{ y: number }>;
  /** Restores the page (pinned elements, scroll) and forgets the picked element. */
  release(tabId: number, scrollX: number, scrollY: number): Promise<void>;
  stitch(crops: readonly Crop[], width: number, height: number): Promise<Uint8Array<ArrayBuffer>[]>;
}

export interface ElementCaptureResult {
  tiles: Uint8Array<ArrayBuffer>[];
  html: string;
  text: string;
  slices: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Captures the element the user picked: scrolled into view slice by slice when it is
 * taller than the viewport, each slice cropped from a real screenshot to the element,
 * stitched; plus its HTML and text.
 */
export async function captureElement(
  env: ElementEnv,
  tabId: number,
  shoot: () => Promise<Uint8Array<ArrayBuffer>>,
): Promise<ElementCaptureResult> {
  const picked = await env.readPicked(tabId);
  if (!picked) throw new Error('the picked element is no longer on the page');
  const { x, y, width, height, viewportHeight } = picked;
  const crops: Crop[] = [];
  let scale = 0;
  try {
    let pos = y;
    while (pos < y + height && crops.length < 200) {
      const { y: scrolled } = await env.scrollTo(tabId, pos);
      const from = Math.max(y, scrolled);
      const to = Math.min(y + height, scrolled + viewportHeight);
      if (to <= from) break;
      const png = await shoot();
      scale ||= pngSize(png).width / picked.viewportWidth;
      crops.push({
        png,
        sx: Math.max(0, Math.round((x - picked.scrollX) * scale)),
        sy: Math.round((from - scrolled) * scale),
        width: Math.round(Math.min(width, picked.viewportWidth) * scale),
        height: Math.round((to - from) * scale),
        destY: Math.round((from - y) * scale),
      });
      pos = to;
    }
  } finally {
    await env.release(tabId, picked.scrollX, picked.scrollY);
  }
  const first = crops[0];
  if (!first) throw new Error('the picked element has no visible area');
  const tiles = await env.stitch(crops, first.width, Math.round(height * scale));
  return {
    tiles,
    html: picked.html,
    text: picked.text,
    slices: crops.length,
    box: { x, y, width, height },
  };
}
