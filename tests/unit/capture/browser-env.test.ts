import { describe, expect, it } from 'vitest';
import { dataUrlBytes } from '@/lib/capture/browser-env';

describe('dataUrlBytes', () => {
  it('round-trips every byte value through a base64 data: URL', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const url = `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
    expect(dataUrlBytes(url)).toEqual(bytes);
  });

  it('decodes a real 1x1 PNG to bytes starting with the PNG signature', () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const bytes = dataUrlBytes(png);
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.byteLength).toBe(70);
  });

  it('decodes an empty payload to no bytes', () => {
    expect(dataUrlBytes('data:image/png;base64,').byteLength).toBe(0);
  });

  it.each(['iVBORw0KGgo=', 'https://km.example.cn/a.png', 'data:image/png;base64'])(
    'rejects %s',
    (url) => {
      expect(() => dataUrlBytes(url)).toThrow(/not a data URL/);
    },
  );
});
