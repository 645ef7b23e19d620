/** `docker node ls`: List nodes in the swarm (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List nodes in the swarm',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [filterFlag(), formatFlag(), quietFlag('Only display IDs')],
  run: notSimulated
});
