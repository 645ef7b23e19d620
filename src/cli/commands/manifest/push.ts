/** `docker manifest push`: Push a manifest list to a repository (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'push', use: 'push [OPTIONS] MANIFEST_LIST', short: 'Push a manifest list to a repository',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.push],
  run: notSimulated
};
