/** `docker checkpoint rm`: Remove a checkpoint (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'rm [OPTIONS] CONTAINER CHECKPOINT', short: 'Remove a checkpoint',
  aliases: ['remove'],
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.rm],
  run: notSimulated
});
