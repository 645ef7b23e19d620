/** `docker node demote`: Demote one or more nodes from manager in the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'demote', use: 'demote NODE [NODE...]', short: 'Demote one or more nodes from manager in the swarm',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: notSimulated
};
