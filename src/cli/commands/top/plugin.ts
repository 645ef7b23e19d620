/** `docker plugin`: Manage plugins (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../plugin/create';
import { spec as disable_ } from '../plugin/disable';
import { spec as enable_ } from '../plugin/enable';
import { spec as inspect_ } from '../plugin/inspect';
import { spec as install_ } from '../plugin/install';
import { spec as ls_ } from '../plugin/ls';
import { spec as push_ } from '../plugin/push';
import { spec as rm_ } from '../plugin/rm';
import { spec as set_ } from '../plugin/set';
import { spec as upgrade_ } from '../plugin/upgrade';

export const spec = verb({
  use: 'plugin', short: 'Manage plugins',
  args: { kind: 'none' },
  subcommands: [create_, disable_, enable_, inspect_, install_, ls_, push_, rm_, set_, upgrade_]
});
