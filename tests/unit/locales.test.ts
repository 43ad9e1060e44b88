import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureErrorCode } from '@/lib/capture/errors';

const LOCALES = join(import.meta.dirname, '../../public/_locales');
const load = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));

describe('_locales', () => {
  const zh = load('zh_CN');
  const en = load('en');

  it('has zh_CN (the default) and en', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'zh_CN']);
  });

  // Chrome refuses to load the whole extension over one bad key.
  it.each(Object.keys(zh))('key %s is a valid Chrome message name', (key) => {
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  const codes: CaptureErrorCode[] = [
    'restricted',
    'pdf',
    'no-tab',
    'navigated',
    'element-failed',
    'page-unreachable',
    'screenshot-failed',
    'mhtml-failed',
    'storage-full',
    'unknown',
  ];
  it.each(codes)('explains error %s in Chinese and English', (code) => {
    const key = `error_${code.replaceAll('-', '_')}`;
    expect(zh[key]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en[key]?.message).toMatch(/Nothing was saved/);
  });
});
