/** `docker login`: Authenticate to a registry. (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { loginRun } from '../../verbs/login';

export const spec: CommandSpec = {
  "name": "login",
  "use": "login [OPTIONS] [SERVER]",
  "short": "Authenticate to a registry",
  "long": "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
  "args": {
    "kind": "max",
    "n": 1
  },
  "categoryTop": 8,
  "flags": [
    {"long": "password", "type": "string", "usage": "Password or Personal Access Token (PAT)", "short": "p"},
    {"long": "password-stdin", "type": "bool", "usage": "Take the Password or Personal Access Token (PAT) from stdin"},
    {"long": "username", "type": "string", "usage": "Username", "short": "u"}
  ],
  run: loginRun
};
