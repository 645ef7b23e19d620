/** `docker plugin enable`: Enable a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'enable [OPTIONS] PLUGIN', short: 'Enable a plugin',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.enable],
  run: notSimulated
});
