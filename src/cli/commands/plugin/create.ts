/** `docker plugin create`: Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory. (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR', short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  args: { kind: 'min', n: 2 },
  flags: [...FLAGS.create],
  run: notSimulated
});
