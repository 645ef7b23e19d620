/** Small helpers builtins share: writing to their descriptors, option parsing. */
import type { Shell } from '../shell';
import type { WriteStream } from '../../engine/process/types';

export async function out(sh: Shell, text: string): Promise<void> {
  const w = sh.fds.get(1) as WriteStream | undefined;
  if (!w) throw new Error('write error: Bad file descriptor');
  if (text) await w.write(text);
}

export async function err(sh: Shell, name: string, msg: string): Promise<void> {
  await sh.error(`${name}: ${msg}`);
}

