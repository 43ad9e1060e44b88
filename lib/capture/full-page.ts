import type { PageMeasure } from './page-functions';

/** Chromium refuses canvases taller or wider than this (device pixels). */
export const MAX_CANVAS_SIDE = 32_767;
/** Chromium's largest canvas area (device pixels). */
export const MAX_CANVAS_AREA = 268_435_456;
/** A page is captured at most this many viewports deep; deeper pages are cut and say so. */
export const MAX_SLICES = 200;

export interface SlicePlan {
  /** Scroll position to capture from, CSS px. */
  y: number;
  /** The part of the page this slice is responsible for, CSS px (for sticky elements). */
  top: number;
  bottom: number;
  showTop: boolean;
  showBottom: boolean;
}

/**
 * Scroll positions that cover a page of `pageHeight` with viewports of `viewportHeight`:
 * one per screen, the last one aligned to the bottom of the page. Top-anchored fixed
 * bars show in the first slice only, bottom-anchored ones in the last only, unless the
 * first slice is the user's own screenshot taken at the top (`firstIsViewport`), which
 * already shows both.
 */
export function planSlices(
  pageHeight: number,
  viewportHeight: number,
  firstIsViewport = false,
  maxSlices = MAX_SLICES,
): SlicePlan[] {
  const height = Math.max(pageHeight, viewportHeight);
  const count = Math.min(Math.ceil(height / viewportHeight), maxSlices);
  const bottom = height - viewportHeight;
  return Array.from({ length: count }, (_, i) => {
    const first = i === 0;
    const last = i === count - 1;
    const complete = count * viewportHeight >= height;
    return {
      y: last && complete ? bottom : i * viewportHeight,
      top: i * viewportHeight,
      bottom: (i + 1) * viewportHeight,
      showTop: first,
      showBottom: first ? count === 1 || firstIsViewport : last && !firstIsViewport,
    };
  });
}

export interface Tile {
  /** Top of the tile in device pixels of the full page. */
  top: number;
  height: number;
}

/** Splits a tall image into tiles that each fit in a canvas. */
export function planTiles(width: number, height: number): Tile[] {
  const maxHeight = Math.min(MAX_CANVAS_SIDE, Math.floor(MAX_CANVAS_AREA / Math.max(width, 1)));
  const tiles: Tile[] = [];
  for (let top = 0; top < height; top += maxHeight) {
    tiles.push({ top, height: Math.min(maxHeight, height - top) });
  }
  return tiles;
}

export interface Slice {
  /** Scroll position actually reached, CSS px. */
  y: number;
  png: Uint8Array<ArrayBuffer>;
}

/**
 * Stitches slices into PNG tiles with OffscreenCanvas (available in the service worker).
 * Each slice is drawn at its scroll position; later slices cover any overlap.
 */
export async function stitchSlices(
  slices: readonly Slice[],
  measure: PageMeasure,
  capturedHeight: number,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const bitmaps = await Promise.all(
    slices.map((s) => createImageBitmap(new Blob([s.png], { type: 'image/png' }))),
  );
  try {
    const first = bitmaps[0];
    if (!first) throw new Error('no slices to stitch');
    // The ratio between image pixels and CSS pixels, from the image itself.
    const scale = first.height / measure.viewportHeight;
    const width = first.width;
    const height = Math.round(capturedHeight * scale);
    const out: Uint8Array<ArrayBuffer>[] = [];
    for (const tile of planTiles(width, height)) {
      const canvas = new OffscreenCanvas(width, tile.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context for stitching');
      for (const [i, bitmap] of bitmaps.entries()) {
        const top = Math.round((slices[i]?.y ?? 0) * scale) - tile.top;
        if (top >= tile.height || top + bitmap.height <= 0) continue;
        ctx.drawImage(bitmap, 0, top);
      }
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      out.push(new Uint8Array(await blob.arrayBuffer()));
    }
    return out;
  } finally {
    for (const b of bitmaps) b.close();
  }
}
