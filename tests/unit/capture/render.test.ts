import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { below } from '../../../lib/capture/render';

describe('which elements the re-render leaves out of its clone', () => {
  const win = new Window();
  const doc = win.document as unknown as Document;
  doc.body.innerHTML = '<p id="a">top</p><p id="b">straddles</p><p id="c">under</p>';
  const tops: Record<string, number> = { a: 100, b: 11_500, c: 12_400 };
  for (const [id, top] of Object.entries(tops)) {
    const el = doc.getElementById(id) as HTMLElement;
    // Layout as seen with the window scrolled 400 px down.
    el.getBoundingClientRect = () => ({ top: top - 400 }) as DOMRect;
  }
  Object.defineProperty(win, 'scrollY', { value: 400 });
  const el = (id: string) => doc.getElementById(id) as HTMLElement;

  it('leaves out only what starts at or below the cut, in page coordinates', () => {
    expect(below(el('a'), 12_000, doc)).toBe(false);
    expect(below(el('b'), 12_000, doc)).toBe(false);
    expect(below(el('c'), 12_000, doc)).toBe(true);
    expect(below(el('c'), 12_400, doc)).toBe(true);
    expect(below(el('c'), 12_401, doc)).toBe(false);
  });

  it('keeps nodes of other documents (html2canvas asks about its own clone too)', () => {
    const other = new Window().document as unknown as Document;
    const stranger = other.createElement('p');
    stranger.getBoundingClientRect = () => ({ top: 50_000 }) as DOMRect;
    expect(below(stranger, 12_000, doc)).toBe(false);
  });
});
