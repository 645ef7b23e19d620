/** `docker compose create`: `up` without starting (one progress block titled "Creating"). */
import { bool } from './flags';
import type { VerbHandler } from './context';
import { withDependencies } from './converge';
import { createProject } from './up';

export const createVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  const names = withDependencies(p, args, bool(flags, 'no-deps'));
  await createProject(c, p, names, flags, false);
  return 0;
};
