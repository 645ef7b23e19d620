/** `docker container`: Manage containers (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as attach_ } from '../container/attach';
import { spec as commit_ } from '../container/commit';
import { spec as cp_ } from '../container/cp';
import { spec as create_ } from '../container/create';
import { spec as diff_ } from '../container/diff';
import { spec as exec_ } from '../container/exec';
import { spec as export_ } from '../container/export';
import { spec as inspect_ } from '../container/inspect';
import { spec as kill_ } from '../container/kill';
import { spec as logs_ } from '../container/logs';
import { spec as ls_ } from '../container/ls';
import { spec as pause_ } from '../container/pause';
import { spec as port_ } from '../container/port';
import { spec as prune_ } from '../container/prune';
import { spec as rename_ } from '../container/rename';
import { spec as restart_ } from '../container/restart';
import { spec as rm_ } from '../container/rm';
import { spec as run_ } from '../container/run';
import { spec as start_ } from '../container/start';
import { spec as stats_ } from '../container/stats';
import { spec as stop_ } from '../container/stop';
import { spec as top_ } from '../container/top';
import { spec as unpause_ } from '../container/unpause';
import { spec as update_ } from '../container/update';
import { spec as wait_ } from '../container/wait';

export const spec = verb({
  use: 'container', short: 'Manage containers',
  args: { kind: 'none' },
  subcommands: [attach_, commit_, cp_, create_, diff_, exec_, export_, inspect_, kill_, logs_, ls_, pause_, port_, prune_, rename_, restart_, rm_, run_, start_, stats_, stop_, top_, unpause_, update_, wait_]
});
