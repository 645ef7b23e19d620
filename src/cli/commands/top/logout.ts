/** `docker logout`: Log out from a registry. (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { logoutRun } from '../../verbs/logout';

export const spec: CommandSpec = {
  "name": "logout",
  "use": "logout [SERVER]",
  "short": "Log out from a registry",
  "long": "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
  "args": {
    "kind": "max",
    "n": 1
  },
  "categoryTop": 9,
  "flags": [

  ],
  run: logoutRun
};
