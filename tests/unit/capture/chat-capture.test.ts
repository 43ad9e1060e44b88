import { describe, expect, it, vi } from 'vitest';
import { type ChatEnv, captureChatPane } from '@/lib/capture/chat-capture';
import type { ChatPaneInfo } from '@/lib/capture/chat-functions';
import type { Crop } from '@/lib/capture/full-page';

/** A minimal PNG header of the given size (only IHDR is read). */
function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const PANE: ChatPaneInfo = {
  score: 50,
  url: 'https://kf.example/widget',
  scrollTop: 600,
  frameViewport: { width: 380, height: 520 },
  scrollHeight: 1000,
  clientHeight: 400,
  clientWidth: 360,
  items: 20,
};

function chatEnv(options: { loads?: number; paneHeight?: number; frameId?: number } = {}) {
  const paneHeight = options.paneHeight ?? 1000;
  let loadsLeft = options.loads ?? 2;
  const env = {
    findPanes: vi.fn(async () => [
      { frameId: 0, pane: { ...PANE, score: 5 } },
      { frameId: options.frameId ?? 3, pane: PANE },
    ]),
    loadOlder: vi.fn(async () => {
      const rounds = Math.min(loadsLeft, 1);
      loadsLeft -= rounds;
      return { rounds, scrollHeight: paneHeight, complete: loadsLeft === 0 && rounds === 0 };
    }),
    scrollPane: vi.fn(async (_t: number, _f: number, y: number) => ({
      scrollTop: Math.min(y, paneHeight - 400),
      scrollHeight: paneHeight,
      box: { x: 10, y: 50, width: 360, height: 400 },
      frameViewport: { width: 380, height: 520 },
    })),
    frameOffset: vi.fn(async () => ({ x: 800, y: 100 })),
    readPane: vi.fn(async () => ({ html: '<div>…</div>', text: '【K01】' })),
    releasePane: vi.fn(async () => {}),
    stitch: vi.fn(async (_c: readonly Crop[], _w: number, _h: number) => [png(1, 1)]),
    viewportWidth: vi.fn(async () => 1280),
  } satisfies ChatEnv;
  return env;
}

describe('captureChatPane', () => {
  it('picks the best pane, loads history until complete, and crops each slice to the pane', async () => {
    const env = chatEnv();
    const shoot = vi.fn(async () => png(2560, 1600));
    const result = await captureChatPane(env, 1, shoot, { historyBudgetMs: 10_000 });
    expect(result.frameId).toBe(3);
    expect(result.historyComplete).toBe(true);
    expect(result.historyRounds).toBe(2);
    expect(result.slices).toBe(3);
    const [crops, width, height] = env.stitch.mock.calls[0] ?? [];
    // Device pixel ratio 2 (2560 px image of a 1280 px viewport), frame at (800,100), pane box at (10,50).
    expect(crops?.[0]).toMatchObject({ sx: 1620, sy: 300, width: 720, height: 800, destY: 0 });
    expect(crops?.map((c) => c.destY)).toEqual([0, 800, 1200]);
    expect([width, height]).toEqual([720, 2000]);
    // Back where the user was: 0 px from the newest message.
    expect(env.releasePane).toHaveBeenCalledWith(1, 3, 0);
  });

  it('stops loading history at the time budget and says it may be incomplete', async () => {
    const env = chatEnv();
    env.loadOlder.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { rounds: 1, scrollHeight: 1000, complete: false };
    });
    const result = await captureChatPane(env, 1, async () => png(1280, 800), {
      historyBudgetMs: 100,
    });
    expect(result.historyComplete).toBe(false);
    expect(env.loadOlder.mock.calls.length).toBeLessThan(10);
  });

  it('fails clearly when no frame has a scrolling pane, touching nothing', async () => {
    const env = chatEnv();
    env.findPanes.mockResolvedValue([]);
    await expect(
      captureChatPane(env, 1, async () => png(1, 1), { historyBudgetMs: 1000 }),
    ).rejects.toThrow('no scrolling chat pane');
    expect(env.releasePane).not.toHaveBeenCalled();
  });

  it('releases the pane even when a slice fails', async () => {
    const env = chatEnv();
    const shoot = vi.fn(async () => {
      throw new Error('tab closed');
    });
    await expect(captureChatPane(env, 1, shoot, { historyBudgetMs: 1000 })).rejects.toThrow(
      'tab closed',
    );
    expect(env.releasePane).toHaveBeenCalled();
  });

  it('reports progress while loading and slicing', async () => {
    const progress: string[] = [];
    await captureChatPane(chatEnv(), 1, async () => png(1280, 800), {
      historyBudgetMs: 10_000,
      onProgress: (t) => progress.push(t),
    });
    expect(progress).toContain('history:2');
    expect(progress.at(-1)).toBe('slices:3');
  });
});
