/** `docker image inspect`: Display detailed information on one or more images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { imageInspectRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "inspect",
  "use": "inspect [OPTIONS] IMAGE [IMAGE...]",
  "short": "Display detailed information on one or more images",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"},
    {"long": "platform", "type": "string", "usage": "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"}
  ],
  run: imageInspectRun
};
