/** `docker compose version` (cmd/compose/version.go): `Docker Compose version v2.40.3`. */
import { bool, str } from './flags';
import type { VerbHandler } from './context';
import { COMPOSE_VERSION } from './labels';

export const versionVerb: VerbHandler = async (c, _args, flags) => {
  if (bool(flags, 'short')) await c.out(`${COMPOSE_VERSION}\n`);
  else if (str(flags, 'format') === 'json') await c.out(`{"version":"v${COMPOSE_VERSION}"}\n`);
  else await c.out(`Docker Compose version v${COMPOSE_VERSION}\n`);
  return 0;
};
