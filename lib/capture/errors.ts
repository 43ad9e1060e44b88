/** Codes the popup and panel turn into a zh-CN / en message (`error_<code with _ for ->` in _locales). */
export type CaptureErrorCode =
  | 'restricted'
  | 'pdf'
  | 'no-tab'
  | 'navigated'
  | 'element-failed'
  | 'page-unreachable'
  | 'screenshot-failed'
  | 'mhtml-failed'
  | 'storage-full'
  | 'unknown';

/** A capture that did not land, with the reason a user can act on. Nothing was stored. */
export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'CaptureError';
  }
}

/** Maps anything thrown during a capture to a CaptureError. */
export function toCaptureError(error: unknown): CaptureError {
  if (error instanceof CaptureError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new CaptureError('storage-full', message);
  }
  return new CaptureError('unknown', message);
}
