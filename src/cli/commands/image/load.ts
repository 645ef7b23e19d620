/** `docker image load`: Load an image from a tar archive or STDIN (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { loadRun } from '../../verbs/load';

export const spec: CommandSpec = {
  "name": "load",
  "use": "load [OPTIONS]",
  "short": "Load an image from a tar archive or STDIN",
  "aliasesLine": "docker image load, docker load",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "input", "type": "string", "usage": "Read from tar archive file, instead of STDIN", "short": "i"},
    {"long": "platform", "type": "string", "usage": "Load only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"},
    {"long": "quiet", "type": "bool", "usage": "Suppress the load output", "short": "q"}
  ],
  run: loadRun
};
