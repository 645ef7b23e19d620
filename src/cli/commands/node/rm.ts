/** `docker node rm`: Remove one or more nodes from the swarm (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'rm [OPTIONS] NODE [NODE...]', short: 'Remove one or more nodes from the swarm',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force remove a node from the swarm')],
  run: notSimulated
});
