/** `docker swarm init`: Initialize a swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'init', use: 'init [OPTIONS]', short: 'Initialize a swarm',
  args: { kind: 'none' },
  flags: [...FLAGS.init],
  run: notSimulated
};
