/** Which function runs which `docker compose` verb. */
import { buildVerb } from './build';
import { configVerb } from './config';
import type { VerbHandler } from './context';
import { downVerb } from './down';
import { logsVerb } from './logs';
import { psVerb } from './ps';
import { upVerb } from './up';
import { versionVerb } from './version';

export const VERB_HANDLERS: Record<string, VerbHandler> = {
  build: buildVerb,
  config: configVerb,
  down: downVerb,
  logs: logsVerb,
  ps: psVerb,
  up: upVerb,
  version: versionVerb,
};
