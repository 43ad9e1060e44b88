import { describe, expect, it } from 'vitest';
import { restrictedReason } from '@/lib/capture/restricted';

describe('restrictedReason', () => {
  it.each([
    [undefined, 'no-url'],
    ['', 'no-url'],
    ['chrome://settings', 'browser-page'],
    ['CHROME://extensions', 'browser-page'],
    ['chrome-extension://abcdef/sidepanel.html', 'browser-page'],
    ['chrome-untrusted://print/', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['moz-extension://x/y.html', 'browser-page'],
    ['data:text/html,<p>x</p>', 'browser-page'],
    ['javascript:alert(1)', 'browser-page'],
    ['view-source:https://km.example.cn/', 'view-source'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/detail/x', 'web-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'web-store'],
    ['https://km.example.cn/files/invoice.pdf', 'pdf'],
    ['https://km.example.cn/files/INVOICE.PDF?download=1', 'pdf'],
    ['https://km.example.cn/files/invoice.pdf#page=2', 'pdf'],
    ['https://km.example.cn/order/KM1001', undefined],
    ['http://127.0.0.1:8080/shop/index.html', undefined],
    ['https://km.example.cn/pdf-guide', undefined],
    ['https://km.example.cn/a.pdfx', undefined],
    ['file:///home/user/order.html', undefined],
  ])('%s -> %s', (url, reason) => {
    expect(restrictedReason(url)).toBe(reason);
  });
});
