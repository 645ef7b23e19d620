/** `docker trust key`: Manage keys for signing Docker images (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as generate_ } from './key/generate';
import { spec as load_ } from './key/load';

export const spec = verb({
  use: 'key', short: 'Manage keys for signing Docker images',
  args: { kind: 'none' },
  subcommands: [generate_, load_]
});
