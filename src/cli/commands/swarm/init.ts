/** `docker swarm init`: Initialize a swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'init [OPTIONS]', short: 'Initialize a swarm',
  args: { kind: 'none' },
  flags: [...FLAGS.init],
  run: notSimulated
});
