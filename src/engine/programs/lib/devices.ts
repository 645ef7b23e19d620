/**
 * The character devices every container's /dev holds (Docker mounts a tmpfs there with null, zero,
 * full, random, urandom), read the way the kernel serves them: /dev/null is empty, the others never
 * end. Images carry no device nodes, so programs recognise the paths, as the shell does for
 * redirections (src/shell/redirect.ts).
 */
import type { ProgramContext } from '../../process/types';
import { sharedZeros } from '../../fs/repeat';

export type Device = 'null' | 'zero' | 'full' | 'random' | 'urandom';
const DEVICES = new Set<string>(['null', 'zero', 'full', 'random', 'urandom']);

export function deviceAt(ctx: ProgramContext, path: string): Device | undefined {
  if (path === '-') return undefined;
  const abs = ctx.fs.resolve(path);
  const m = /^\/dev\/([a-z]+)$/.exec(abs);
  return m && DEVICES.has(m[1]) ? (m[1] as Device) : undefined;
}

/** One chunk of an endless device: zeros, or the seeded random source's bytes. */
export function deviceChunk(ctx: ProgramContext, dev: Device, size: number): Uint8Array {
  // Zeros are one shared chunk (never written into): a file of them is kept as a run (fs/repeat.ts).
  if (dev === 'zero' || dev === 'full' || dev === 'null') return sharedZeros(size);
  const out = new Uint8Array(size);
  if (dev === 'random' || dev === 'urandom') ctx.sys.rng.fill(out);
  return out;
}

/**
 * Read a device "whole", as `tail`, `sort` and friends read a file: /dev/null is empty; an endless
 * device is buffered until memory runs out. The buffer is only accounted (16 MiB per step, about
 * what a real `tail /dev/zero` reaches in 10 ms), not held, and the cgroup's OOM killer ends it;
 * without a charge function it runs until a signal stops it.
 */
export async function readWholeDevice(ctx: ProgramContext, dev: Device): Promise<Uint8Array> {
  if (dev === 'null') return new Uint8Array(0);
  const STEP = 16 * 1024 * 1024;
  for (;;) {
    ctx.sys.charge?.(STEP);
    await ctx.sys.tick(ctx.signal);
  }
}

/** The first `n` bytes, or the bytes up to the `n`th newline, of a device (head). */
export async function devicePrefix(ctx: ProgramContext, dev: Device, bytesMode: boolean, n: number): Promise<Uint8Array> {
  if (dev === 'null') return new Uint8Array(0);
  if (bytesMode) return deviceChunk(ctx, dev, n);
  // /dev/zero has no newline: head -n buffers forever, like tail.
  if (dev === 'zero' || dev === 'full') return readWholeDevice(ctx, dev);
  const parts: number[] = [];
  let lines = 0;
  while (lines < n) {
    const b = ctx.sys.rng.int(256);
    parts.push(b);
    if (b === 10) lines++;
    if (parts.length % 65536 === 0) await ctx.sys.tick(ctx.signal);
  }
  return Uint8Array.from(parts);
}
