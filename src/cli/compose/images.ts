/**
 * `docker compose images` (cmd/compose/images.go): the image of each of the project's containers,
 * one row per container: CONTAINER REPOSITORY TAG PLATFORM IMAGE ID SIZE CREATED.
 */
import { humanDuration, humanSizeWithPrecision } from '../../lib/units';
import { tabwrite } from '../format/tabwriter';
import { bool, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { projectContainers } from './labels';

export const imagesVerb: VerbHandler = async (c, args, flags) => {
  const { name, project } = await c.projectName();
  if (project) for (const a of args) if (!project.services[a]) throw new ComposeError(`no such service: ${a}`);
  let containers = await projectContainers(c.d, name, { all: true, oneoff: 'any' });
  if (args.length) containers = containers.filter((x) => args.includes(x.service));
  const rows: { container: string; repo: string; tag: string; id: string; size: number; created: number }[] = [];
  for (const x of containers) {
    const img = (await c.d.imageInspect(x.summary.ImageID).catch(() => undefined)) as { Id: string; RepoTags?: string[]; Size: number; Created: string } | undefined;
    if (!img) continue;
    const ref = x.summary.Image.includes(':') && !x.summary.Image.startsWith('sha256:') ? x.summary.Image : `${x.summary.Image}:latest`;
    const tagged = img.RepoTags?.find((t) => t === ref || t.endsWith('/' + ref)) ?? img.RepoTags?.[0] ?? '';
    const i = tagged.lastIndexOf(':');
    rows.push({ container: x.name, repo: i > 0 ? tagged.slice(0, i) : '<none>', tag: i > 0 ? tagged.slice(i + 1) : '<none>', id: img.Id, size: img.Size, created: Date.parse(img.Created) });
  }
  rows.sort((a, b) => (a.container < b.container ? -1 : 1));
  if (bool(flags, 'quiet')) {
    for (const r of rows) await c.out(r.id.replace(/^sha256:/, '') + '\n');
    return 0;
  }
  if (str(flags, 'format') === 'json') {
    await c.out(JSON.stringify(rows.map((r) => ({ ID: r.id, ContainerName: r.container, Repository: r.repo, Tag: r.tag, Platform: 'linux/amd64', Size: r.size, LastTagTime: new Date(r.created).toISOString() }))) + '\n');
    return 0;
  }
  const lines = rows.map((r) => [r.container, r.repo, r.tag, 'linux/amd64', r.id.replace(/^sha256:/, '').slice(0, 12), humanSizeWithPrecision(r.size, 3), `${humanDuration((c.io.now() - r.created) / 1000)} ago`].join('\t'));
  await c.out(tabwrite(['CONTAINER\tREPOSITORY\tTAG\tPLATFORM\tIMAGE ID\tSIZE\tCREATED', ...lines].join('\n') + '\n', { minwidth: 20, padding: 3 }));
  return 0;
};
