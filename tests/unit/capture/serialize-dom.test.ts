// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeLiveDocument } from '@/lib/capture/serialize-dom';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('serializeLiveDocument', () => {
  it('keeps what the user typed and chose, not the values first served', () => {
    document.body.innerHTML = `
      <input id="t" value="served">
      <input id="c" type="checkbox">
      <input id="p" type="password" value="secret">
      <textarea id="a">served</textarea>
      <select id="s"><option value="1" selected>一</option><option value="2">二</option></select>`;
    (document.getElementById('t') as HTMLInputElement).value = '订单号 KM1001';
    (document.getElementById('c') as HTMLInputElement).checked = true;
    (document.getElementById('p') as HTMLInputElement).value = 'typed-secret';
    (document.getElementById('a') as HTMLTextAreaElement).value = '卡密已被使用 <b>';
    (document.getElementById('s') as HTMLSelectElement).value = '2';
    const html = serializeLiveDocument(document);
    expect(html).toContain('<input id="t" value="订单号 KM1001">');
    expect(html).toMatch(/<input id="c" type="checkbox" checked>/);
    expect(html).not.toContain('typed-secret');
    expect(html).toContain('<textarea id="a">卡密已被使用 &lt;b&gt;</textarea>');
    expect(html).toMatch(/<option value="1">一<\/option><option value="2" selected>二<\/option>/);
  });

  it('writes open shadow roots as declarative shadow DOM', () => {
    const host = document.createElement('kf-widget');
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p class="msg">客服：请稍候</p>';
    expect(serializeLiveDocument(document)).toContain(
      '<kf-widget><template shadowrootmode="open"><p class="msg">客服：请稍候</p></template></kf-widget>',
    );
  });

  it('escapes text and attributes so the saved page cannot gain markup', () => {
    const p = document.createElement('p');
    p.title = '"><script>alert(1)</script>';
    p.textContent = '<img src=x onerror=alert(1)>';
    document.body.appendChild(p);
    const html = serializeLiveDocument(document);
    expect(html).toContain(
      '<p title="&quot;><script>alert(1)</script>">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('keeps script and style text as it is, and void elements unclosed', () => {
    document.body.innerHTML = '<style>a > b { color: red }</style><br><img src="a.png" alt="截图">';
    const html = serializeLiveDocument(document);
    expect(html).toContain('<style>a > b { color: red }</style><br><img src="a.png" alt="截图">');
    expect(html).not.toContain('</br>');
  });
});
