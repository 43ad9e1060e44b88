// A small zip writer and reader for evidence packs. JSZip holds every input and then the
// whole output in memory (twice the pack), and inflates an entry before it can tell that
// it lied about its size. Packs need less: STORE or DEFLATE, no encryption, no ZIP64.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const UTF8_NAMES = 0x0800;
const STORE = 0;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;

/** A zip the reader refuses, with a reason a user can act on. */
export class ZipError extends Error {
  override name = 'ZipError';
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (zip's checksum) of `bytes`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  const table = CRC_TABLE;
  for (let i = 0; i < bytes.length; i++) {
    c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return ~c >>> 0;
}

/** Raw deflate both ways; inflateRaw must refuse output beyond `maxBytes`. */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  inflateRaw(data: Uint8Array, maxBytes: number, name: string): Promise<Uint8Array>;
}

/** Compression Streams: native in browsers, and what the extension uses. */
export const STREAMS_CODEC: ZipCodec = {
  async deflateRaw(data) {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  async inflateRaw(data, maxBytes, name) {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let filled = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      filled += value.byteLength;
      if (filled > maxBytes) {
        await reader.cancel();
        throw new ZipError(`${name}: inflates beyond its declared ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(filled);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  },
};

let codec = STREAMS_CODEC;

/**
 * Swaps the deflate implementation. Node's Compression Streams cost about 0.3 ms per
 * file, which dominates packs of thousands of small files, so the command-line tools
 * install node:zlib (see node-zip-codec.ts); the extension keeps the browser's streams.
 */
export function setZipCodec(next: ZipCodec): void {
  codec = next;
}

/** DOS date and time fields (UTC, so a pack built anywhere has the same bytes). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export interface ZipFileOptions {
  /** Store as is (already-compressed data); otherwise deflate when that is smaller. */
  store: boolean;
  date: Date;
}

/**
 * Writes a zip one file at a time. Each file's bytes can be dropped once `add` returns:
 * the output accumulates in a Blob (parts folded in every few MB), which browsers may
 * keep on disk, so a pack is held in memory at most once.
 */
export class ZipWriter {
  private output: Blob = new Blob([]);
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private readonly central: Uint8Array<ArrayBuffer>[] = [];
  private readonly names = new Set<string>();

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  async add(name: string, data: Uint8Array, options: ZipFileOptions): Promise<void> {
    if (this.names.has(name)) throw new Error(`two files are named ${name}`);
    this.names.add(name);
    let method = STORE;
    let body: Uint8Array = data;
    if (!options.store && data.byteLength > 0) {
      const deflated = await codec.deflateRaw(data);
      if (deflated.byteLength < data.byteLength) {
        method = DEFLATE;
        body = deflated;
      }
    }
    const crc = crc32(data);
    const nameBytes = new TextEncoder().encode(name);
    const { time, date } = dosDateTime(options.date);
    if (
      this.offset + 30 + nameBytes.byteLength + body.byteLength > MAX_32 ||
      this.names.size > 0xfffe
    ) {
      throw new Error('the pack is too large for a zip without ZIP64 (over 4 GB or 65,535 files)');
    }
    const local = new Uint8Array(30 + nameBytes.byteLength);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.byteLength, true);
    lv.setUint32(22, data.byteLength, true);
    lv.setUint16(26, nameBytes.byteLength, true);
    local.set(nameBytes, 30);

    const central = new Uint8Array(46 + nameBytes.byteLength);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.byteLength, true);
    cv.setUint32(24, data.byteLength, true);
    cv.setUint16(28, nameBytes.byteLength, true);
    cv.setUint32(42, this.offset, true);
    central.set(nameBytes, 46);
    this.central.push(central);

    this.push(local);
    // A copy: the caller may reuse or drop its buffer, and a Blob part must not change.
    this.push(body === data ? new Uint8Array(data) : (body as Uint8Array<ArrayBuffer>));
  }

  private push(part: Uint8Array<ArrayBuffer>) {
    this.pending.push(part);
    this.pendingBytes += part.byteLength;
    this.offset += part.byteLength;
    if (this.pendingBytes >= 8 * 1024 * 1024) this.fold();
  }

  private fold() {
    this.output = new Blob([this.output, ...this.pending]);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes the central directory and returns the finished zip. */
  finish(): Blob {
    const start = this.offset;
    let size = 0;
    for (const entry of this.central) {
      this.push(entry);
      size += entry.byteLength;
    }
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, END_OF_CENTRAL, true);
    ev.setUint16(8, this.central.length, true);
    ev.setUint16(10, this.central.length, true);
    ev.setUint32(12, size, true);
    ev.setUint32(16, start, true);
    this.push(end);
    this.fold();
    return new Blob([this.output], { type: 'application/zip' });
  }
}

/** One file of a zip, as its central directory describes it. */
export interface ZipEntry {
  /** The name exactly as written in the zip (`../x` stays `../x`). */
  name: string;
  dir: boolean;
  method: number;
  compressedSize: number;
  /** Declared uncompressed size; reading refuses data that inflates to anything else. */
  size: number;
  dataStart: number;
}

/** What a zip may declare before it is refused unread (zip bombs, absurd packs). */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024 - 1,
};

/**
 * Lists a zip's entries from its central directory, checking every declared size
 * against `limits` before anything is inflated. Throws ZipError on anything it cannot
 * read exactly.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (u32(at) === END_OF_CENTRAL && at + 22 + u16(at + 20) === bytes.byteLength) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end-of-central-directory record (truncated or not a zip)');
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdStart = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) {
    throw new ZipError('multi-part zips are not supported');
  }
  if (count === 0xffff || cdStart === MAX_32 || cdSize === MAX_32) {
    throw new ZipError('ZIP64 archives are not supported');
  }
  if (cdStart + cdSize > eocd) throw new ZipError('the central directory lies outside the file');
  if (count > limits.maxEntries) {
    throw new ZipError(`too many entries: ${count} (at most ${limits.maxEntries})`);
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdStart + cdSize || u32(at) !== CENTRAL_HEADER) {
      throw new ZipError(`central directory entry ${i + 1} is damaged`);
    }
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > cdStart + cdSize) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localOffset = u32(at + 42);
    at = next;
    if (flags & 1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (method !== STORE && method !== DEFLATE) {
      throw new ZipError(`${name}: unsupported compression method ${method}`);
    }
    if (size === MAX_32 || compressedSize === MAX_32 || localOffset === MAX_32) {
      throw new ZipError(`${name}: ZIP64 entries are not supported`);
    }
    if (size > limits.maxEntryBytes) {
      throw new ZipError(`${name}: declares ${size} bytes (at most ${limits.maxEntryBytes})`);
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError(`the entries declare over ${limits.maxTotalBytes} bytes in total`);
    }
    if (method === STORE && compressedSize !== size) {
      throw new ZipError(`${name}: stored entry with two different sizes`);
    }
    if (localOffset + 30 > cdStart || u32(localOffset) !== LOCAL_HEADER) {
      throw new ZipError(`${name}: local header is missing or damaged`);
    }
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > cdStart) {
      throw new ZipError(`${name}: data runs past the end of the file`);
    }
    entries.push({ name, dir: name.endsWith('/'), method, compressedSize, size, dataStart });
  }
  return entries;
}

/** The bytes of one entry, refusing data that inflates past (or short of) its declared size. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  // A view, not a copy: entries are only read (hashed, or copied into a Blob).
  const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === STORE) return raw;
  let out: Uint8Array;
  try {
    out = await codec.inflateRaw(raw, entry.size, entry.name);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${entry.name}: compressed data is damaged`);
  }
  if (out.byteLength !== entry.size) {
    throw new ZipError(
      `${entry.name}: inflates to ${out.byteLength} bytes, declared ${entry.size}`,
    );
  }
  return out;
}
