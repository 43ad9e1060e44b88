// Types for verifier-core.js (plain JavaScript so that verify.html can carry it inline).

export const CORE_MANIFEST: 'manifest.json';
export const CORE_MANIFEST_DIGEST: 'manifest.sha256';
export const CORE_GENESIS_HASH: string;

/** One thing wrong with a pack: which file (or `custody#N`), and what, in English and Chinese. */
export interface CoreProblem {
  path: string;
  problem: string;
  zh: string;
}

export type CoreFileStatus = 'ok' | 'altered' | 'missing' | 'extra' | 'unsafe';

export interface CoreFileRow {
  path: string;
  bytes?: number;
  sha256?: string;
  status: CoreFileStatus;
}

/** A pack's files, read one at a time. */
export interface CorePackSource<M> {
  names: readonly string[];
  read(name: string): Promise<Uint8Array>;
  size?(name: string): number | undefined;
  parseManifest?(json: unknown): M;
  onFile?(done: number, total: number, path: string): void;
}

export interface CoreReport<M> {
  problems: CoreProblem[];
  files: CoreFileRow[];
  manifest: M | undefined;
  manifestDigestOk: boolean;
}

export function coreSha256Hex(data: Uint8Array | string): Promise<string>;
export function coreCanonicalJson(value: unknown): string;
export function coreCustodyEntryHash(entry: {
  caseId: string;
  seq: number;
  at: string;
  action: string;
  evidenceId?: string;
  details: Record<string, unknown>;
  prevHash: string;
}): Promise<string>;
export function coreIsSafeEntryName(name: string): boolean;
export function coreCheckCustody(entries: readonly unknown[]): Promise<CoreProblem[]>;
export function coreManifestShapeError(manifest: unknown): string | null;
export function coreCheckPack<M = unknown>(pack: CorePackSource<M>): Promise<CoreReport<M>>;
