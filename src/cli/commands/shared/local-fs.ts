/** The client's own filesystem (the shell's), for verbs that read or write files on the client side: `export -o`, `import FILE`. */
import type { Fs } from '../../../api/fs';
import { CliError, type CliIo } from '../../framework/types';

export function localFs(io: CliIo): Fs {
  const fs = io.fs;
  if (!fs) throw new CliError('no local filesystem', 1);
  return fs;
}
