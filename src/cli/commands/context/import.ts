/** `docker context import`: Import a context from a tar or zip file (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'import CONTEXT FILE|-', short: 'Import a context from a tar or zip file',
  args: { kind: 'exact', n: 2 },
  run: notSimulated
});
