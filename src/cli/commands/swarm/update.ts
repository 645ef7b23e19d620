/** `docker swarm update`: Update the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'update [OPTIONS]', short: 'Update the swarm',
  args: { kind: 'none' },
  flags: [...FLAGS.update],
  run: notSimulated
});
