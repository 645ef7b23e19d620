/** `docker trust signer`: Manage entities who can sign Docker images (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as add_ } from './signer/add';
import { spec as remove_ } from './signer/remove';

export const spec = verb({
  use: 'signer', short: 'Manage entities who can sign Docker images',
  args: { kind: 'none' },
  subcommands: [add_, remove_]
});
