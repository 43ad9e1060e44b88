export { canonicalJson } from './canonical-json';
export {
  type ChainProblem,
  CustodyAction,
  type CustodyDraft,
  CustodyEntry,
  chainCustodyEntry,
  custodyEntryHash,
  GENESIS_HASH,
  verifyCustodyChain,
} from './custody';
export { type ByteSource, hex, SHA256_HEX, sha256Hex, toBytes } from './sha256';
