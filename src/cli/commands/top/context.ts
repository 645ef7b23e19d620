/** `docker context`: Manage contexts (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../context/create';
import { spec as export_ } from '../context/export';
import { spec as import_ } from '../context/import';
import { spec as inspect_ } from '../context/inspect';
import { spec as ls_ } from '../context/ls';
import { spec as rm_ } from '../context/rm';
import { spec as show_ } from '../context/show';
import { spec as update_ } from '../context/update';
import { spec as use_ } from '../context/use';

export const spec = verb({
  use: 'context', short: 'Manage contexts',
  args: { kind: 'none' },
  subcommands: [create_, export_, import_, inspect_, ls_, rm_, show_, update_, use_]
});
