/** `docker checkpoint ls`: List checkpoints for a container (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'ls [OPTIONS] CONTAINER', short: 'List checkpoints for a container',
  aliases: ['list'],
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.ls]
});
