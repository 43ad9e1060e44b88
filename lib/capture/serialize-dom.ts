// Serialises the live DOM as HTML, keeping what outerHTML loses: what the user typed
// or chose in form fields, open shadow roots (as declarative shadow DOM), and the
// documents of same-origin iframes (as srcdoc).

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'noscript',
]);

const escapeText = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** Attributes to write for an element, with form state folded in. */
function attributesOf(el: Element): [string, string][] {
  const attrs = new Map<string, string>();
  for (const a of Array.from(el.attributes)) attrs.set(a.name, a.value);
  const tag = el.localName;
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') {
      if (input.checked) attrs.set('checked', '');
      else attrs.delete('checked');
    } else if (input.type !== 'file' && input.type !== 'password') {
      attrs.set('value', input.value);
    }
  } else if (tag === 'option') {
    if ((el as HTMLOptionElement).selected) attrs.set('selected', '');
    else attrs.delete('selected');
  }
  return [...attrs];
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | undefined {
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined; // cross-origin: captured separately, if at all
  }
}

function serializeChildren(node: Node | ShadowRoot, depth: number): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) out += serializeNode(child, depth);
  return out;
}

function serializeNode(node: Node, depth: number): string {
  switch (node.nodeType) {
    case 3: {
      const parent = node.parentNode as Element | null;
      const text = node.nodeValue ?? '';
      return parent && RAW_TEXT.has(parent.localName) ? text : escapeText(text);
    }
    case 8:
      return `<!--${node.nodeValue ?? ''}-->`;
    case 1:
      return serializeElement(node as Element, depth);
    default:
      return '';
  }
}

function serializeElement(el: Element, depth: number): string {
  const tag = el.localName;
  const attrs = attributesOf(el);
  let inner = '';
  if (tag === 'iframe' && depth < 3) {
    const doc = sameOriginDocument(el as HTMLIFrameElement);
    if (doc?.documentElement) {
      const html = serializeDocumentDeep(doc, depth + 1);
      const kept = attrs.filter(([name]) => name !== 'srcdoc');
      kept.push(['srcdoc', html]);
      return `<${tag}${kept.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}></${tag}>`;
    }
  }
  const shadow = (el as HTMLElement).shadowRoot;
  if (shadow) {
    inner += `<template shadowrootmode="${shadow.mode}">${serializeChildren(shadow, depth)}</template>`;
  }
  if (tag === 'textarea') inner += escapeText((el as HTMLTextAreaElement).value);
  else if (tag === 'template')
    inner += serializeChildren((el as HTMLTemplateElement).content, depth);
  else inner += serializeChildren(el, depth);
  const open = `<${tag}${attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('')}>`;
  return VOID.has(tag) ? open : `${open}${inner}</${tag}>`;
}

function serializeDocumentDeep(doc: Document, depth: number): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return doctype + (doc.documentElement ? serializeElement(doc.documentElement, depth) : '');
}

/**
 * The document as it is now: the live DOM with form values, open shadow roots as
 * `<template shadowrootmode>`, and same-origin iframes inlined as `srcdoc` (three levels
 * deep at most). Password and file inputs keep no value.
 */
export function serializeLiveDocument(doc: Document): string {
  return serializeDocumentDeep(doc, 0);
}
