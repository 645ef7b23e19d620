/** Content addresses: sha256 as Docker and the OCI image spec write it (`sha256:<64 hex>`). */
import { sha256 } from '@noble/hashes/sha2.js';

const enc = new TextEncoder();

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** 'sha256:<hex>' of a string (UTF-8) or bytes. */
export function sha256Digest(data: string | Uint8Array): string {
  return 'sha256:' + hex(sha256(typeof data === 'string' ? enc.encode(data) : data));
}

/** Hex sha256 of a string or bytes (cache keys, content addresses). */
export function sha256hex(data: string | Uint8Array): string {
  return sha256Digest(data).slice(7);
}
