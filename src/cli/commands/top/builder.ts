/** `docker builder`: Manage builds (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
// One spec for `docker build`, `docker builder build` and `docker image build` (docker/cli builds all three from NewBuildCommand).
import { spec as build_ } from '../image/build';
import { spec as prune_ } from '../builder/prune';

export const spec = verb({
  use: 'builder', short: 'Manage builds',
  args: { kind: 'none' },
  subcommands: [build_, prune_]
});
