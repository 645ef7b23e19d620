/** `docker swarm unlock`: Unlock swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'unlock', use: 'unlock', short: 'Unlock swarm',
  args: { kind: 'none' },
  flags: [],
  run: notSimulated
};
