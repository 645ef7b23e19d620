/** The client's own filesystem (the shell's), for verbs that read or write files on the client side: `export -o`, `import FILE`. */
import type { Fs } from '../../../api/fs';
import { CliError } from '../../framework/types';

export function localFs(io: unknown): Fs {
  const fs = (io as { fs?: Fs }).fs;
  if (!fs) throw new CliError('no local filesystem', 1);
  return fs;
}
