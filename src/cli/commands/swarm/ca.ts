/** `docker swarm ca`: Display and rotate the root CA (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'ca [OPTIONS]', short: 'Display and rotate the root CA',
  args: { kind: 'none' },
  flags: [...FLAGS.ca, quietFlag('Suppress progress output')]
});
