/** `docker image`: Manage images (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as build_ } from '../image/build';
import { spec as history_ } from '../image/history';
import { spec as import_ } from '../image/import';
import { spec as inspect_ } from '../image/inspect';
import { spec as load_ } from '../image/load';
import { spec as ls_ } from '../image/ls';
import { spec as prune_ } from '../image/prune';
import { spec as pull_ } from '../image/pull';
import { spec as push_ } from '../image/push';
import { spec as rm_ } from '../image/rm';
import { spec as save_ } from '../image/save';
import { spec as tag_ } from '../image/tag';

export const spec = verb({
  use: 'image', short: 'Manage images',
  args: { kind: 'none' },
  subcommands: [build_, history_, import_, inspect_, load_, ls_, prune_, pull_, push_, rm_, save_, tag_]
});
