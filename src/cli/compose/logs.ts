/**
 * `docker compose logs [SERVICE...]` (pkg/compose/logs.go): every container's log with the
 * `web-1  | ` prefix; `-f` follows them all until they stop or Ctrl-C, `--tail N`, `-t`
 * timestamps, `--no-log-prefix`, `--no-color`, `--index` for one replica.
 */
import { bool, num, str } from './flags';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { projectContainers, type ProjectContainer } from './labels';
import { LogPrinter } from './logprinter';

/** getContainerNameWithoutProject: `app-web-1` is shown as `web-1`. */
export function shortName(project: string, x: ProjectContainer): string {
  const prefix = `${project}-`;
  return x.name.startsWith(prefix) ? x.name.slice(prefix.length) : x.name;
}

export async function followLogs(c: ComposeCtx, project: string, containers: ProjectContainer[], o: { follow: boolean; tail: string; timestamps: boolean; prefix: boolean; color: boolean }): Promise<number> {
  const printer = new LogPrinter((s) => c.out(s), (s) => c.err(s), { color: o.color, prefix: o.prefix, timestamps: false, now: () => c.io.now() });
  for (const x of containers) printer.register(shortName(project, x));
  const abort = new AbortController();
  let interrupted = false;
  if (o.follow) {
    c.io.onSignal?.(2, () => {
      interrupted = true;
      abort.abort();
    });
  }
  try {
    const run = async (x: ProjectContainer) => {
      const label = shortName(project, x);
      await c.d.containerLogs(x.id, {
        follow: o.follow, timestamps: o.timestamps, tail: o.tail, signal: abort.signal,
        onOutput: (stream, data) => printer.write(label, data, stream),
      });
      await printer.flush(label);
    };
    if (o.follow) await Promise.all(containers.map(run));
    else for (const x of containers) await run(x);
  } finally {
    if (o.follow) c.io.onSignal?.(2, undefined);
  }
  return interrupted ? 130 : 0;
}

export const logsVerb: VerbHandler = async (c, args, flags) => {
  const { name, project } = await c.projectName();
  if (project) for (const a of args) if (!project.services[a]) throw new ComposeError(`no such service: ${a}`);
  let containers = await projectContainers(c.d, name, { all: true, oneoff: false });
  if (args.length) containers = containers.filter((x) => args.includes(x.service));
  const index = num(flags, 'index');
  if (index) containers = containers.filter((x) => x.number === index);
  return followLogs(c, name, containers, {
    follow: bool(flags, 'follow'),
    tail: str(flags, 'tail') || 'all',
    timestamps: bool(flags, 'timestamps'),
    prefix: !bool(flags, 'no-log-prefix'),
    color: !bool(flags, 'no-color') && c.io.stdoutIsTTY,
  });
};
