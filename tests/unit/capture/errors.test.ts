import { describe, expect, it } from 'vitest';
import { CaptureError, toCaptureError } from '@/lib/capture/errors';

describe('toCaptureError', () => {
  it('passes a CaptureError through unchanged', () => {
    const original = new CaptureError('pdf', 'x.pdf');
    expect(toCaptureError(original)).toBe(original);
  });

  it.each([
    ['a DOMException', new DOMException('full', 'QuotaExceededError'), 'storage-full'],
    [
      'a Dexie-style wrapper',
      Object.assign(new Error('AbortError'), { inner: { name: 'QuotaExceededError' } }),
      'storage-full',
    ],
    ['a plain Error', new Error('boom'), 'unknown'],
    ['a string', 'boom', 'unknown'],
    ['undefined', undefined, 'unknown'],
  ])('maps %s to %s', (_name, error, code) => {
    const mapped = toCaptureError(error);
    expect(mapped).toBeInstanceOf(CaptureError);
    expect(mapped.code).toBe(code);
  });

  it('keeps the code and detail in the message', () => {
    const e = new CaptureError('restricted', 'browser-page: chrome://settings');
    expect(e.message).toBe('restricted: browser-page: chrome://settings');
    expect(e.name).toBe('CaptureError');
  });
});
