/**
 * The flags `docker container run` and `docker container create` share, defined once as docker/cli
 * does (cli/command/container/opts.go addFlags, plus the --name, --platform, --quiet and
 * --disable-content-trust both commands add): the `create+run` list of flags.json. Each command
 * adds its own on top (flags.json `run`: --detach, --detach-keys, --sig-proxy and its --pull;
 * `create`: its --pull). Help sorts flags by name, so the order here does not show.
 */
import { quietFlag } from '../../framework/common-flags';
import type { FlagSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const containerFlags: FlagSpec[] = [...FLAGS['create+run'], quietFlag('Suppress the pull output')];
