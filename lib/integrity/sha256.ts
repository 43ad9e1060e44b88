/** Bytes in any of the shapes the capture and pack code meet. */
export type ByteSource = ArrayBuffer | Uint8Array | string;

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string, or the bytes themselves. */
export function toBytes(data: ByteSource): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return new Uint8Array(data);
  return new Uint8Array(data);
}

/** Lower-case hex SHA-256 of the bytes, by Web Crypto (browser and Node alike). */
export async function sha256Hex(data: ByteSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', toBytes(data));
  return hex(new Uint8Array(digest));
}

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
