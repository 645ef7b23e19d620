/** `docker swarm ca`: Display and rotate the root CA (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'ca [OPTIONS]', short: 'Display and rotate the root CA',
  args: { kind: 'none' },
  flags: [...FLAGS.ca, quietFlag('Suppress progress output')],
  run: notSimulated
});
