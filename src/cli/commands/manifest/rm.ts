/** `docker manifest rm`: Delete one or more manifest lists from local storage (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'rm MANIFEST_LIST [MANIFEST_LIST...]', short: 'Delete one or more manifest lists from local storage',
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
