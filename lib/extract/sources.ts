import { z } from 'zod';
import { lineText } from './text';

/** Where one fact was read: a CSS path to the element and the text it showed. */
export const FactSource = z.object({ selector: z.string(), text: z.string() });
export type FactSource = z.infer<typeof FactSource>;

function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) return `${tag}#${el.id}`;
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/**
 * A CSS selector that finds the element again in the captured DOM (dom.html): the
 * path up to the nearest ancestor with an id, or to <body>.
 */
export function selectorOf(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    parts.unshift(step(e));
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) break;
    if (e.tagName === 'BODY' || e.tagName === 'HTML') break;
  }
  return parts.join(' > ');
}

/** The source record for a fact read from `el` (text cut to 200 characters). */
export function sourceOf(el: Element, text?: string): FactSource {
  return { selector: selectorOf(el), text: (text ?? lineText(el)).slice(0, 200) };
}

/** Collects sources keyed by fact path ("order.orderId", "chat.messages.3"). */
export type SourceMap = Record<string, FactSource>;
