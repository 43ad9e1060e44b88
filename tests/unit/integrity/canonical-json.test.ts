import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/integrity/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, including objects inside arrays', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: { f: 1, e: 2 } } };
    expect(canonicalJson(value)).toBe('{"a":{"c":{"e":2,"f":1},"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for objects built in different key orders', () => {
    const one = { seq: 1, details: { url: 'u', kind: 'order' }, caseId: 'c' };
    const two = { caseId: 'c', details: { kind: 'order', url: 'u' }, seq: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('drops undefined properties at every depth, so absent and undefined hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined, e: 2 } })).toBe(
      '{"a":1,"c":{"e":2}}',
    );
    expect(canonicalJson({ a: 1, evidenceId: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps array order (arrays are sequences, not sets)', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('writes no insignificant whitespace and keeps non-ASCII text as is', () => {
    expect(canonicalJson({ title: '假一赔十', n: null, ok: true })).toBe(
      '{"n":null,"ok":true,"title":"假一赔十"}',
    );
  });

  it.each([
    ['a string', 'x', '"x"'],
    ['a number', 1.5, '1.5'],
    ['null', null, 'null'],
  ])('serialises %s like JSON', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});
