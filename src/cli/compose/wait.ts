/**
 * `docker compose wait SERVICE…` (pkg/compose/wait.go): block until the services' containers stop,
 * print each exit code; `--down-project` then takes the project down.
 */
import { bool } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { downVerb } from './down';
import { projectContainers } from './labels';

export const waitVerb: VerbHandler = async (c, args, flags) => {
  if (!args.length) throw new ComposeError('requires at least 1 arg(s), only received 0');
  const { name } = await c.projectName();
  const containers = (await projectContainers(c.d, name, { all: true })).filter((x) => args.includes(x.service));
  let last = 0;
  for (const x of containers) {
    const r = await c.d.containerWait(x.id, 'not-running');
    await c.out(`${r.StatusCode}\n`);
    last = r.StatusCode;
  }
  if (bool(flags, 'down-project')) await downVerb(c, [], {}, new Set());
  return last;
};
