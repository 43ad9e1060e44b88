import { describe, expect, it } from 'vitest';
import { escapeHtml, renderCatalogue } from '@/lib/pack/catalogue';
import type { PackManifest } from '@/lib/pack/manifest';
import { renderReadme } from '@/lib/pack/readme';

const HOSTILE = '<img src=x onerror=alert(1)>';

function manifest(
  overrides: { title?: string; itemTitle?: string; url?: string; fileName?: string } = {},
) {
  const described: Omit<PackManifest, 'files'> = {
    format: 'kameng-evidence-pack',
    formatVersion: 1,
    tool: { name: 'kameng-evidence-kit', version: '0.1.0' },
    createdAt: '2026-11-21T08:00:00.000Z',
    case: {
      id: 'case-1',
      title: overrides.title ?? '卡盟未发货',
      createdAt: '2026-11-21T01:00:00.000Z',
      updatedAt: '2026-11-21T01:00:00.000Z',
      status: 'open',
    },
    items: [
      {
        number: 1,
        id: 'ev-1',
        kind: 'order',
        source: 'capture',
        title: overrides.itemTitle ?? '订单详情',
        url: overrides.url ?? 'https://km.example.cn/order/1?a=1&b=2',
        finalUrl: 'https://km.example.cn/order/1',
        capturedAt: '2026-11-21T16:30:00.000Z',
        capturedAtLocal: '2026-11-22T00:30:00.000+08:00',
        timeZone: 'Asia/Shanghai',
        facts: { kind: 'order', promises: [], site: { contacts: [] } },
        artifacts: [
          {
            path: `evidence/001-order/${overrides.fileName ?? 'text.txt'}`,
            sha256: 'a'.repeat(64),
            bytes: 3,
            mediaType: 'text/plain',
            method: 'm',
            role: 'text',
          },
        ],
      },
    ],
    complaints: [],
    custody: [],
  };
  return described;
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes & first, so entities are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('renderCatalogue', () => {
  it('shows the item number, title, kind, URL, both times and each file hash', () => {
    const html = renderCatalogue(manifest());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('订单详情');
    expect(html).toContain('订单 order');
    expect(html).toContain('https://km.example.cn/order/1?a=1&amp;b=2');
    expect(html).toContain('2026-11-22T00:30:00.000+08:00');
    expect(html).toContain('UTC 2026-11-21T16:30:00.000Z');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('href="evidence/001-order/text.txt"');
  });

  it.each([
    ['case title', { title: HOSTILE }],
    ['item title', { itemTitle: HOSTILE }],
    ['URL', { url: `https://x.example/"><img src=x onerror=alert(1)>` }],
    ['file name', { fileName: `"><img src=x onerror=alert(1)>.txt` }],
  ])('escapes a hostile %s', (_where, overrides) => {
    const html = renderCatalogue(manifest(overrides));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('contains no script and forbids scripts by CSP', () => {
    const html = renderCatalogue(manifest({ itemTitle: '<script>alert(1)</script>' }));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });
});

describe('renderReadme', () => {
  it('names the tool, the case, the item count and both verification routes, in zh and en', () => {
    const text = renderReadme(manifest());
    expect(text).toContain('kameng-evidence-kit 0.1.0');
    expect(text).toContain('“卡盟未发货”');
    expect(text).toContain('共 1 项证据');
    expect(text).toContain('1 items');
    expect(text).toContain('sha256sum -c checksums.sha256');
    expect(text).toContain('npm run verify');
  });
});

describe('renderCatalogue thumbnails', () => {
  function withImages(roles: string[]) {
    const m = manifest();
    const item = m.items[0];
    if (!item) throw new Error('fixture has no item');
    for (const role of roles) {
      item.artifacts.push({
        path: `evidence/001-order/${role}.png`,
        sha256: 'b'.repeat(64),
        bytes: 9,
        mediaType: 'image/png',
        method: 'm',
        role,
      });
    }
    return m;
  }

  it('shows the viewport screenshot from the pack itself, before other pictures', () => {
    const html = renderCatalogue(withImages(['screenshot-full', 'screenshot-viewport']));
    expect(html).toContain('<img class="thumb" src="evidence/001-order/screenshot-viewport.png"');
  });

  it('falls back to any image of the item, and shows none when it has none', () => {
    expect(renderCatalogue(withImages(['screenshot-chat']))).toContain(
      'src="evidence/001-order/screenshot-chat.png"',
    );
    expect(renderCatalogue(manifest())).not.toContain('<img');
  });
});
