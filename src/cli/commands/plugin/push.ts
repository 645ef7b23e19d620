/** `docker plugin push`: Push a plugin to a registry (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'push [OPTIONS] PLUGIN[:TAG]', short: 'Push a plugin to a registry',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.push]
});
