/** `docker trust`: Manage trust on Docker images (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as inspect_ } from '../trust/inspect';
import { spec as key_ } from '../trust/key';
import { spec as revoke_ } from '../trust/revoke';
import { spec as sign_ } from '../trust/sign';
import { spec as signer_ } from '../trust/signer';

export const spec = verb({
  use: 'trust', short: 'Manage trust on Docker images',
  args: { kind: 'none' },
  subcommands: [inspect_, key_, revoke_, sign_, signer_]
});
