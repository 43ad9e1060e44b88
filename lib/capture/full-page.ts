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

/** A rectangle of a screenshot (image px) and where it goes in the stitched image. */
export interface Crop {
  png: Uint8Array<ArrayBuffer>;
  sx: number;
  sy: number;
  width: number;
  height: number;
  /** Top of the crop in the stitched image, image px. */
  destY: number;
}

/**
 * Draws crops of screenshots, in order, into PNG tiles of `width` × `height` with
 * OffscreenCanvas (available in the service worker); later crops cover any overlap.
 * Screenshots are decoded one at a time, so memory holds the tiles and one slice.
 */
export async function stitchCrops(
  crops: readonly Crop[],
  width: number,
  height: number,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const tiles = planTiles(width, height).map((tile) => {
    const canvas = new OffscreenCanvas(width, tile.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context for stitching');
    return { ...tile, canvas, ctx };
  });
  for (const crop of crops) {
    const bitmap = await createImageBitmap(new Blob([crop.png], { type: 'image/png' }));
    try {
      for (const tile of tiles) {
        const top = crop.destY - tile.top;
        if (top >= tile.height || top + crop.height <= 0) continue;
        tile.ctx.drawImage(
          bitmap,
          crop.sx,
          crop.sy,
          crop.width,
          crop.height,
          0,
          top,
          crop.width,
          crop.height,
        );
      }
    } finally {
      bitmap.close();
    }
  }
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (const tile of tiles) {
    const blob = await tile.canvas.convertToBlob({ type: 'image/png' });
    out.push(new Uint8Array(await blob.arrayBuffer()));
  }
  return out;
}

/**
 * Stitches full-viewport slices into PNG tiles: each slice is drawn at its scroll
 * position; later slices cover any overlap.
 */
export async function stitchSlices(
  slices: readonly Slice[],
  measure: PageMeasure,
  capturedHeight: number,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const first = slices[0];
  if (!first) throw new Error('no slices to stitch');
  const size = pngSize(first.png);
  // The ratio between image pixels and CSS pixels, from the image itself.
  const scale = size.height / measure.viewportHeight;
  const crops = slices.map((s) => ({
    png: s.png,
    sx: 0,
    sy: 0,
    width: size.width,
    height: size.height,
    destY: Math.round(s.y * scale),
  }));
  return stitchCrops(crops, size.width, Math.round(capturedHeight * scale));
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
