/** `docker plugin create`: Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory. (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR', short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  args: { kind: 'min', n: 2 },
  flags: [...FLAGS.create]
});
