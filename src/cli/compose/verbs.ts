/** Which function runs which `docker compose` verb. */
import { buildVerb } from './build';
import { configVerb } from './config';
import type { VerbHandler } from './context';
import { cpVerb } from './cp';
import { createVerb } from './create';
import { downVerb } from './down';
import { execVerb } from './exec';
import { imagesVerb } from './images';
import { killVerb, pauseVerb, restartVerb, rmVerb, startVerb, stopVerb, unpauseVerb } from './lifecycle';
import { logsVerb } from './logs';
import { lsVerb } from './ls';
import { portVerb } from './port';
import { psVerb } from './ps';
import { pullVerb, pushVerb } from './pull';
import { runVerb } from './run';
import { topVerb } from './top';
import { upVerb } from './up';
import { versionVerb } from './version';
import { waitVerb } from './wait';

export const VERB_HANDLERS: Record<string, VerbHandler> = {
  build: buildVerb, config: configVerb, cp: cpVerb, create: createVerb, down: downVerb, exec: execVerb,
  images: imagesVerb, kill: killVerb, logs: logsVerb, ls: lsVerb, pause: pauseVerb, port: portVerb, ps: psVerb,
  pull: pullVerb, push: pushVerb, restart: restartVerb, rm: rmVerb, run: runVerb, start: startVerb, stop: stopVerb,
  top: topVerb, unpause: unpauseVerb, up: upVerb, version: versionVerb, wait: waitVerb,
};
