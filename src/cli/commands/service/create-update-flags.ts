/**
 * The flags `docker service create` and `docker service update` share word for word, defined once
 * (docker/cli cli/command/service/opts.go addServiceFlags): the `create+update` list of flags.json.
 * The ones whose help differs are under `create` and `update` there: create shows defaults
 * ("(default 5s)"), update's list flags come in -add/-rm pairs. Help sorts flags by name.
 */
import { quietFlag } from '../../framework/common-flags';
import type { FlagSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const serviceFlags: FlagSpec[] = [...FLAGS['create+update'], quietFlag('Suppress progress output')];
