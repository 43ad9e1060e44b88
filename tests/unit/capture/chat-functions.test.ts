// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadOlderMessages } from '@/lib/capture/chat-functions';

/** A pane (no layout in happy-dom) whose height grows `loadMs` after each scroll to the top. */
function fakePane(loads: number, loadMs: number) {
  const pane = document.createElement('div');
  pane.setAttribute('data-kameng-chat-pane', '');
  document.body.appendChild(pane);
  let height = 1000;
  let left = loads;
  let pending = false;
  Object.defineProperty(pane, 'scrollHeight', { get: () => height });
  pane.addEventListener('scroll', () => {
    if (pending || left === 0) return;
    pending = true;
    setTimeout(() => {
      height += 500;
      left--;
      pending = false;
    }, loadMs);
  });
  return pane;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('loadOlderMessages', () => {
  it('is complete once a scroll to the top brings nothing within the idle time', async () => {
    fakePane(2, 20);
    const result = await loadOlderMessages(5000, 150);
    expect(result).toEqual({ rounds: 2, scrollHeight: 2000, complete: true });
  });

  it('does not call a history complete when the time budget cut the wait short', async () => {
    fakePane(3, 300);
    const result = await loadOlderMessages(120, 1000);
    expect(result.complete).toBe(false);
  });
});
