import { sha256Digest } from '../image/config';

/** Hex sha256 of a string or bytes (cache keys, content addresses). */
export function sha256hex(data: string | Uint8Array): string {
  return sha256Digest(data).slice(7);
}
