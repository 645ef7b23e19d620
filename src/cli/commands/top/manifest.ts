/** `docker manifest`: The **docker manifest** command has subcommands for managing image manifests and (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { spec as annotate_ } from '../manifest/annotate';
import { spec as create_ } from '../manifest/create';
import { spec as inspect_ } from '../manifest/inspect';
import { spec as push_ } from '../manifest/push';
import { spec as rm_ } from '../manifest/rm';

export const spec: CommandSpec = {
  "name": "manifest",
  "use": "manifest COMMAND",
  "short": "The **docker manifest** command has subcommands for managing image manifests and",
  "args": {
    "kind": "none"
  },
  "flags": [],
  "subcommands": [annotate_, create_, inspect_, push_, rm_]
};
