import type { browser as extensionBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Handlers, listenForRequests, Request, sendRequest } from '@/lib/messaging/protocol';

type Browser = typeof extensionBrowser;
const browser = fakeBrowser as unknown as Browser;

const ok = { ok: true as const, evidenceId: 'ev-1', caseId: 'case-1', kind: 'order' as const };

function handlers(impl?: Handlers['capture-tab']) {
  const capture = vi.fn<Handlers['capture-tab']>(impl ?? (async () => ok));
  const picked = vi.fn<Handlers['element-picked']>(async () => ok);
  return {
    capture,
    picked,
    handlers: {
      'capture-tab': capture,
      'start-picker': async () => ({ ok: true as const }),
      'element-picked': picked,
    } satisfies Handlers,
  };
}

type Listener = (raw: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;

/** The listener listenForRequests registers, to call directly. */
function registeredListener(h: Handlers): Listener {
  let listener: Listener | undefined;
  const fake = { runtime: { onMessage: { addListener: (l: Listener) => (listener = l) } } };
  listenForRequests(fake as unknown as Browser, h);
  if (!listener) throw new Error('no listener registered');
  return listener;
}

const MALFORMED: [string, unknown][] = [
  ['an unknown type', { type: 'delete-everything' }],
  ['a missing tabId', { type: 'capture-tab' }],
  ['a negative tabId', { type: 'capture-tab', tabId: -1 }],
  ['a fractional tabId', { type: 'capture-tab', tabId: 1.5 }],
  ['a string tabId', { type: 'capture-tab', tabId: '1' }],
  ['an unknown kind', { type: 'capture-tab', tabId: 1, kind: 'bogus' }],
  ['null', null],
  ['a bare string', 'capture-tab'],
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('Request', () => {
  it('accepts a capture-tab request with and without a kind', () => {
    expect(Request.parse({ type: 'capture-tab', tabId: 3 })).toEqual({
      type: 'capture-tab',
      tabId: 3,
    });
    expect(Request.parse({ type: 'capture-tab', tabId: 0, kind: 'chat' })).toEqual({
      type: 'capture-tab',
      tabId: 0,
      kind: 'chat',
    });
  });

  it.each(MALFORMED)('rejects %s', (_name, raw) => {
    expect(Request.safeParse(raw).success).toBe(false);
  });
});

describe('listenForRequests through the fake browser', () => {
  it('delivers a valid capture-tab request, parsed, and returns the reply to sendMessage', async () => {
    const { capture, handlers: h } = handlers();
    listenForRequests(browser, h);
    const reply = await browser.runtime.sendMessage({
      type: 'capture-tab',
      tabId: 3,
      kind: 'order',
      extra: 'dropped',
    });
    expect(reply).toEqual(ok);
    expect(capture).toHaveBeenCalledTimes(1);
    expect(capture).toHaveBeenCalledWith(
      { type: 'capture-tab', tabId: 3, kind: 'order' },
      expect.anything(),
    );
  });

  it('works through sendRequest', async () => {
    const { capture, handlers: h } = handlers(async (r) => ({ ...ok, kind: r.kind ?? 'other' }));
    listenForRequests(browser, h);
    expect(await sendRequest(browser, { type: 'capture-tab', tabId: 9, kind: 'chat' })).toEqual({
      ...ok,
      kind: 'chat',
    });
    expect(capture).toHaveBeenCalledWith(
      { type: 'capture-tab', tabId: 9, kind: 'chat' },
      expect.anything(),
    );
  });

  it('turns a handler that throws into an unknown failure', async () => {
    const { handlers: h } = handlers(async () => {
      throw new Error('worker fell over');
    });
    listenForRequests(browser, h);
    const reply = await browser.runtime.sendMessage({ type: 'capture-tab', tabId: 3 });
    expect(reply).toEqual({
      ok: false,
      code: 'unknown',
      detail: expect.stringContaining('worker fell over'),
    });
  });

  it('answers a malformed request with bad-request through sendMessage, never calling a handler', async () => {
    const { capture, handlers: h } = handlers();
    listenForRequests(browser, h);
    const reply = await browser.runtime.sendMessage({ type: 'capture-tab', tabId: -1 });
    expect(reply).toEqual({ ok: false, code: 'bad-request', detail: expect.any(String) });
    expect(capture).not.toHaveBeenCalled();
  });
});

describe('a malformed request through the fake browser', () => {
  it('resolves sendMessage({ type: "nope" }) to bad-request instead of leaving it unanswered', async () => {
    const { capture, handlers: h } = handlers();
    listenForRequests(browser, h);
    const reply = await browser.runtime.sendMessage({ type: 'nope' });
    expect(reply).toEqual({ ok: false, code: 'bad-request', detail: expect.any(String) });
    expect(capture).not.toHaveBeenCalled();
  });

  it.each(MALFORMED)('resolves sendMessage(%s) to bad-request', async (_name, raw) => {
    listenForRequests(browser, handlers().handlers);
    expect(await browser.runtime.sendMessage(raw)).toEqual({
      ok: false,
      code: 'bad-request',
      detail: expect.any(String),
    });
  });
});

describe('the registered listener, called directly', () => {
  it.each(MALFORMED)('returns true for %s, so the bad-request reply is delivered', (_name, raw) => {
    const sendResponse = vi.fn();
    expect(registeredListener(handlers().handlers)(raw, {}, sendResponse)).toBe(true);
    expect(sendResponse).toHaveBeenCalledTimes(1);
  });

  it.each(MALFORMED)('answers %s with bad-request through sendResponse', (_name, raw) => {
    const { capture, handlers: h } = handlers();
    const sendResponse = vi.fn();
    registeredListener(h)(raw, {}, sendResponse);
    expect(sendResponse).toHaveBeenCalledTimes(1);
    expect(sendResponse).toHaveBeenCalledWith({
      ok: false,
      code: 'bad-request',
      detail: expect.any(String),
    });
    expect(capture).not.toHaveBeenCalled();
  });

  it('keeps the channel open (returns true) and answers a valid request asynchronously', async () => {
    const { capture, handlers: h } = handlers();
    const sendResponse = vi.fn();
    const kept = registeredListener(h)({ type: 'capture-tab', tabId: 5 }, {}, sendResponse);
    expect(kept).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(ok));
    expect(capture).toHaveBeenCalledWith({ type: 'capture-tab', tabId: 5 }, expect.anything());
  });
});

describe('requests from a page', () => {
  it('hands the sending tab to the handler (the element picker reports its tab)', async () => {
    const h = handlers();
    const listener = registeredListener(h.handlers);
    const reply = await new Promise((resolve) =>
      listener({ type: 'element-picked' }, { tab: { id: 77 } }, resolve),
    );
    expect(reply).toEqual(ok);
    expect(h.picked).toHaveBeenCalledWith({ type: 'element-picked' }, { tabId: 77 });
  });
});
