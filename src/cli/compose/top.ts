/**
 * `docker compose top` (cmd/compose/top.go): the processes of every running container of the
 * project in one table, with SERVICE and replica (#) columns first and CMD last.
 */
import { tabwrite } from '../format/tabwriter';
import { ComposeError, type VerbHandler } from './context';
import { projectContainers } from './labels';

export const topVerb: VerbHandler = async (c, args) => {
  const { name, project } = await c.projectName();
  if (project) for (const a of args) if (!project.services[a]) throw new ComposeError(`no such service: ${a}`);
  let containers = await projectContainers(c.d, name, { all: false });
  if (args.length) containers = containers.filter((x) => args.includes(x.service));
  containers.sort((a, b) => (a.name < b.name ? -1 : 1));
  const header = ['SERVICE', '#'];
  const rows: Record<string, string>[] = [];
  for (const x of containers) {
    const t = await c.d.containerTop(x.id);
    for (const h of t.Titles) if (!header.includes(h)) header.push(h);
    for (const proc of t.Processes) {
      const row: Record<string, string> = { SERVICE: x.service, '#': String(x.number) };
      t.Titles.forEach((h, i) => (row[h] = proc[i] ?? ''));
      rows.push(row);
    }
  }
  if (!rows.length) return 0;
  const cmd = header.indexOf('CMD');
  if (cmd >= 0) header.push(...header.splice(cmd, 1));
  const text = [header.join('\t'), ...rows.map((r) => header.map((h) => r[h] ?? '-').join('\t'))].join('\n') + '\n';
  await c.out(tabwrite(text, { minwidth: 4, padding: 2 }));
  return 0;
};
