/** `docker image save`: Save one or more images to a tar archive (streamed to STDOUT by default) (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { saveRun } from '../../verbs/save';

export const spec: CommandSpec = {
  "name": "save",
  "use": "save [OPTIONS] IMAGE [IMAGE...]",
  "short": "Save one or more images to a tar archive (streamed to STDOUT by default)",
  "aliasesLine": "docker image save, docker save",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "output", "type": "string", "usage": "Write to a file, instead of STDOUT", "short": "o"},
    {"long": "platform", "type": "string", "usage": "Save only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"}
  ],
  run: saveRun
};
