import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, listZip, readZipEntry, ZipError, ZipWriter } from '@/lib/pack/zip';
import { decode, encode } from '../helpers';

const date = new Date('2026-11-21T08:00:00.000Z');

async function zipOf(files: Record<string, Uint8Array>, store = false) {
  const zip = new ZipWriter();
  for (const [name, bytes] of Object.entries(files)) await zip.add(name, bytes, { store, date });
  return new Uint8Array(await zip.finish().arrayBuffer());
}

describe('ZipWriter', () => {
  it('writes zips JSZip and unzip read, with the same bytes', async () => {
    const text = encode('证据 '.repeat(1000));
    const bytes = await zipOf({ 'a/证据.txt': text, 'b.bin': new Uint8Array([1, 2, 3]) });
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('a/证据.txt')?.async('string')).toBe(decode(text));
    expect([...((await zip.file('b.bin')?.async('uint8array')) ?? [])]).toEqual([1, 2, 3]);
    const entries = listZip(bytes);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['a/证据.txt', 8],
      ['b.bin', 0],
    ]);
  });

  it('refuses two files with one name', async () => {
    const zip = new ZipWriter();
    await zip.add('a', encode('1'), { store: true, date });
    await expect(zip.add('a', encode('2'), { store: true, date })).rejects.toThrow(/two files/);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('readZipEntry', () => {
  it('refuses data that inflates past its declared size, without keeping it', async () => {
    const bytes = await zipOf({ 'bomb.txt': new Uint8Array(2_000_000) });
    const [entry] = listZip(bytes);
    if (!entry) throw new Error('no entry');
    expect(entry.compressedSize).toBeLessThan(10_000);
    await expect(readZipEntry(bytes, { ...entry, size: 1000 })).rejects.toThrow(
      /inflates beyond its declared 1000 bytes/,
    );
    await expect(readZipEntry(bytes, { ...entry, size: 3_000_000 })).rejects.toThrow(
      /inflates to 2000000 bytes, declared 3000000/,
    );
  });

  it('refuses damaged compressed data with a ZipError', async () => {
    const bytes = await zipOf({ 'a.txt': encode('abc '.repeat(500)) });
    const [entry] = listZip(bytes);
    if (!entry) throw new Error('no entry');
    bytes.fill(0xff, entry.dataStart, entry.dataStart + 8);
    await expect(readZipEntry(bytes, entry)).rejects.toBeInstanceOf(ZipError);
  });
});

describe('listZip', () => {
  it.each([
    ['too many entries', { maxEntries: 1, maxEntryBytes: 1e9, maxTotalBytes: 1e9 }, /too many/],
    ['an entry too large', { maxEntries: 9, maxEntryBytes: 9, maxTotalBytes: 1e9 }, /declares/],
    ['too much in total', { maxEntries: 9, maxEntryBytes: 1e9, maxTotalBytes: 15 }, /in total/],
  ])('refuses %s before inflating', async (_name, limits, reason) => {
    const bytes = await zipOf({ 'a.txt': encode('0123456789'), 'b.txt': encode('0123456789') });
    expect(() => listZip(bytes, limits)).toThrow(reason);
  });

  it('refuses a method it does not know', async () => {
    const bytes = await zipOf({ 'a.txt': encode('x') }, true);
    const view = new DataView(bytes.buffer);
    const cd = view.getUint32(bytes.byteLength - 22 + 16, true);
    view.setUint16(cd + 10, 12, true);
    expect(() => listZip(bytes)).toThrow(/unsupported compression method 12/);
  });
});
