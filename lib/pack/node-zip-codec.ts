// node:zlib for the zip code, for the command-line tools only (never import this from
// extension code: browsers have no node:zlib).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type ZipCodec, ZipError } from './zip';

export const NODE_ZLIB_CODEC: ZipCodec = {
  deflateRaw: async (data) => deflateRawSync(data),
  async inflateRaw(data, maxBytes, name) {
    try {
      // maxOutputLength stops inflating as soon as the output passes the declared size.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError(`${name}: inflates beyond its declared ${maxBytes} bytes`);
      }
      throw new ZipError(`${name}: compressed data is damaged`);
    }
  },
};
