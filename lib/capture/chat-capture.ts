import type { ChatPaneInfo, PaneView } from './chat-functions';
import { type Crop, MAX_SLICES, pngSize } from './full-page';

/** Frame-level operations a chat-pane capture needs (real ones in browser-env.ts). */
export interface ChatEnv {
  /** The best chat-pane candidate of every frame of the tab. */
  findPanes(tabId: number): Promise<{ frameId: number; pane: ChatPaneInfo }[]>;
  loadOlder(
    tabId: number,
    frameId: number,
    budgetMs: number,
  ): Promise<{ rounds: number; scrollHeight: number; complete: boolean }>;
  scrollPane(tabId: number, frameId: number, y: number): Promise<PaneView>;
  /** The frame's content box in the tab's viewport, CSS px (0,0 for the top frame). */
  frameOffset(
    tabId: number,
    frameId: number,
    pane: ChatPaneInfo,
  ): Promise<{ x: number; y: number }>;
  readPane(tabId: number, frameId: number): Promise<{ html: string; text: string }>;
  releasePane(tabId: number, frameId: number, fromBottom: number): Promise<void>;
  stitch(crops: readonly Crop[], width: number, height: number): Promise<Uint8Array<ArrayBuffer>[]>;
  /** The tab's viewport width in CSS px. */
  viewportWidth(tabId: number): Promise<number>;
}

export interface ChatCaptureOptions {
  /** Overall time for loading older messages. */
  historyBudgetMs: number;
  onProgress?: (text: string) => void;
}

export interface ChatCaptureResult {
  tiles: Uint8Array<ArrayBuffer>[];
  html: string;
  text: string;
  frameId: number;
  frameUrl: string;
  historyRounds: number;
  historyComplete: boolean;
  slices: number;
  paneHeight: number;
}

/**
 * Captures a chat's own scrolling pane: scrolls it to the top until no older messages
 * load (bounded by time), reads its messages, then captures it slice by slice down to
 * the newest message, cropping each screenshot to the pane and stitching them. Works
 * for panes in the page and in same- or cross-origin iframes.
 */
export async function captureChatPane(
  env: ChatEnv,
  tabId: number,
  shoot: () => Promise<Uint8Array<ArrayBuffer>>,
  options: ChatCaptureOptions,
): Promise<ChatCaptureResult> {
  const candidates = await env.findPanes(tabId);
  const best = candidates.sort((a, b) => b.pane.score - a.pane.score)[0];
  if (!best) throw new Error('no scrolling chat pane found on the page');
  const { frameId, pane } = best;
  const viewportWidth = await env.viewportWidth(tabId);
  try {
    const deadline = Date.now() + options.historyBudgetMs;
    let rounds = 0;
    let complete = false;
    while (!complete && Date.now() < deadline) {
      const step = await env.loadOlder(tabId, frameId, Math.min(4000, deadline - Date.now()));
      rounds += step.rounds;
      complete = step.complete;
      options.onProgress?.(`history:${rounds}`);
    }
    const { html, text } = await env.readPane(tabId, frameId);

    const crops: Crop[] = [];
    let scale = 0;
    let width = 0;
    let view = await env.scrollPane(tabId, frameId, 0);
    for (let i = 0; i < MAX_SLICES; i++) {
      const offset = await env.frameOffset(tabId, frameId, pane);
      const png = await shoot();
      if (!scale) {
        scale = pngSize(png).width / viewportWidth;
        width = Math.round(view.box.width * scale);
      }
      crops.push({
        png,
        sx: Math.round((offset.x + view.box.x) * scale),
        sy: Math.round((offset.y + view.box.y) * scale),
        width,
        height: Math.round(view.box.height * scale),
        destY: Math.round(view.scrollTop * scale),
      });
      options.onProgress?.(`slices:${crops.length}`);
      if (view.scrollTop + view.box.height >= view.scrollHeight - 1) break;
      view = await env.scrollPane(tabId, frameId, view.scrollTop + view.box.height);
    }
    const tiles = await env.stitch(crops, width, Math.round(view.scrollHeight * scale));
    return {
      tiles,
      html,
      text,
      frameId,
      frameUrl: pane.url,
      historyRounds: rounds,
      historyComplete: complete,
      slices: crops.length,
      paneHeight: view.scrollHeight,
    };
  } finally {
    const fromBottom = pane.scrollHeight - pane.clientHeight - pane.scrollTop;
    await env.releasePane(tabId, frameId, fromBottom).catch(() => undefined);
  }
}
