import type { ClaimSet } from '../claims';
import type { DraftInput } from '../input';

/** What every channel module drafts from. */
export interface DraftContext {
  input: DraftInput;
  claims: ClaimSet;
}
