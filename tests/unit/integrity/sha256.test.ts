import { describe, expect, it } from 'vitest';
import { hex, SHA256_HEX, sha256Hex, toBytes } from '@/lib/integrity/sha256';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j to the known FIPS 180 vector', async (input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
  });

  it('gives the same digest for a string, its UTF-8 bytes and their ArrayBuffer', async () => {
    const text = '假一赔十 abc';
    const bytes = new TextEncoder().encode(text);
    const fromString = await sha256Hex(text);
    expect(await sha256Hex(bytes)).toBe(fromString);
    expect(await sha256Hex(bytes.buffer)).toBe(fromString);
    expect(fromString).toMatch(SHA256_HEX);
  });

  it('hashes only the bytes of a Uint8Array view, not its whole buffer', async () => {
    const backing = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(backing.subarray(2, 5))).toBe(await sha256Hex('abc'));
  });

  it('distinguishes inputs that differ by one byte', async () => {
    expect(await sha256Hex('abc')).not.toBe(await sha256Hex('abd'));
  });
});

describe('toBytes and hex', () => {
  it('encodes strings as UTF-8', () => {
    expect([...toBytes('é')]).toEqual([0xc3, 0xa9]);
  });

  it('copies byte input so later changes to the source do not leak in', () => {
    const source = new Uint8Array([1, 2, 3]);
    const copy = toBytes(source);
    source[0] = 9;
    expect([...copy]).toEqual([1, 2, 3]);
  });

  it('writes lower-case, zero-padded hex', () => {
    expect(hex(new Uint8Array([0, 10, 255, 0xab]))).toBe('000affab');
  });
});
