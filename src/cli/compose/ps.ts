/**
 * `docker compose ps` (cmd/compose/ps.go, cmd/formatter/container.go): the project's containers
 * sorted by name, in compose's table (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS), `-q` IDs,
 * `--services` service names, `--format` templates or `json`, `-a` to include stopped ones,
 * `--status` to filter by state.
 */
import { chooseFormat, writeFormat } from '../format/table';
import { psRows } from '../commands/container/ls';
import { bool, list, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { L, projectContainers } from './labels';

const TABLE = 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}';

const HEADER = {
  ID: 'CONTAINER ID', Name: 'NAME', Names: 'NAMES', Project: 'PROJECT', Service: 'SERVICE', Image: 'IMAGE', Command: 'COMMAND',
  CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Health: 'HEALTH',
  ExitCode: 'EXIT CODE', Labels: 'LABELS', Mounts: 'MOUNTS', LocalVolumes: 'LOCAL VOLUMES', Networks: 'NETWORKS', Size: 'SIZE',
  Label: (name: string) => name.split('.').pop()!.replace(/[-_]/g, ' '),
};

export const psVerb: VerbHandler = async (c, args, flags) => {
  const { name, project } = await c.projectName();
  if (project) for (const a of args) if (!project.services[a]) throw new ComposeError(`no such service: ${a}`);
  const filter = str(flags, 'filter');
  const statuses = list(flags, 'status');
  if (filter) {
    const [k, v] = filter.split('=');
    if (k !== 'status' || v === undefined) throw new ComposeError(`unknown filter ${k}`);
    statuses.push(v);
  }
  const all = bool(flags, 'all') || statuses.length > 0;
  let containers = await projectContainers(c.d, name, { all, oneoff: bool(flags, 'all') ? 'any' : false });
  if (args.length) containers = containers.filter((x) => args.includes(x.service));
  if (statuses.length) containers = containers.filter((x) => statuses.includes(x.state));
  containers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (bool(flags, 'quiet')) {
    for (const x of containers) await c.out(x.id + '\n');
    return 0;
  }
  if (bool(flags, 'services')) {
    const seen: string[] = [];
    for (const x of containers) if (!seen.includes(x.service)) seen.push(x.service);
    await c.out(seen.join('\n') + '\n');
    return 0;
  }
  const trunc = !bool(flags, 'no-trunc');
  const rows = psRows(containers.map((x) => x.summary), { trunc, nowMs: c.io.now() }).map((r, i) => {
    const x = containers[i]!;
    const health = /\((healthy|unhealthy|health: starting)\)/.exec(x.summary.Status)?.[1]?.replace('health: ', '') ?? '';
    // Added to the row itself: a spread would drop the columns a PsRow computes on demand.
    return Object.assign(r, { Name: x.name, Service: x.service, Project: x.summary.Labels[L.project] ?? '', Health: health, ExitCode: Number(/Exited \((\d+)\)/.exec(x.summary.Status)?.[1] ?? 0) });
  });
  const format = str(flags, 'format') || 'table';
  if (format === 'json') {
    for (const r of rows) {
      const x = containers[rows.indexOf(r)]!;
      await c.out(JSON.stringify({
        Command: JSON.parse(r.Command), CreatedAt: r.CreatedAt, ExitCode: r.ExitCode, Health: r.Health, ID: x.id.slice(0, 12), Image: r.Image, Labels: r.Labels,
        LocalVolumes: r.LocalVolumes, Mounts: r.Mounts, Name: r.Name, Names: r.Names, Networks: r.Networks, Ports: r.Ports, Project: r.Project,
        Publishers: (x.summary.Ports ?? []).map((p) => ({ URL: p.IP ?? '', TargetPort: p.PrivatePort, PublishedPort: p.PublicPort ?? 0, Protocol: p.Type })),
        RunningFor: r.RunningFor, Service: r.Service, Size: r.Size, State: r.State, Status: r.Status,
      }) + '\n');
    }
    return 0;
  }
  const chosen = chooseFormat({ quiet: false, format: format === 'table' ? '' : format, defaultFormat: TABLE, warn: (w) => void c.err(w + '\n') });
  const r = writeFormat(chosen, HEADER, rows);
  if (r.out) await c.out(r.out);
  if (r.error) throw new ComposeError(r.error);
  return 0;
};
