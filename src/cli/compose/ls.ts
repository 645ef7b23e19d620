/**
 * `docker compose ls` (pkg/compose/ls.go): projects found from their containers' labels alone,
 * with a combined status (`running(2)`, `exited(1), running(1)`) and their config files.
 * `-a` includes stopped projects; `-q` names only; `--format json`.
 */
import { tabwrite } from '../format/tabwriter';
import { bool, list, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { L } from './labels';

export const lsVerb: VerbHandler = async (c, _args, flags) => {
  const all = bool(flags, 'all');
  const list_ = await c.d.containerList({ all, limit: 0, size: false, filters: { label: [L.project, L.hash] } });
  const byProject = new Map<string, typeof list_>();
  for (const x of list_) {
    const p = x.Labels[L.project]!;
    if (!byProject.has(p)) byProject.set(p, []);
    byProject.get(p)!.push(x);
  }
  let stacks = [...byProject.keys()].sort().map((name) => {
    const cs = byProject.get(name)!;
    const counts = new Map<string, number>();
    for (const x of cs) counts.set(x.State, (counts.get(x.State) ?? 0) + 1);
    const status = [...counts.keys()].sort().map((k) => `${k}(${counts.get(k)})`).join(', ');
    const files: string[] = [];
    for (const x of cs) for (const f of (x.Labels[L.configFiles] ?? '').split(',')) if (f && !files.includes(f)) files.push(f);
    return { Name: name, Status: status, ConfigFiles: files.join(',') };
  });
  for (const f of list(flags, 'filter')) {
    const [k, v] = f.split('=');
    if (k !== 'name') throw new ComposeError(`invalid filter '${k}'`);
    stacks = stacks.filter((s) => s.Name.includes(v ?? ''));
  }
  if (bool(flags, 'quiet')) {
    for (const s of stacks) await c.out(s.Name + '\n');
    return 0;
  }
  const format = str(flags, 'format') || 'table';
  if (format === 'json') {
    await c.out(JSON.stringify(stacks) + '\n');
    return 0;
  }
  if (format !== 'table' && format !== 'pretty') throw new ComposeError(`format value "${format}" could not be parsed: parsing failed`);
  const text = ['NAME\tSTATUS\tCONFIG FILES', ...stacks.map((s) => `${s.Name}\t${s.Status}\t${s.ConfigFiles}`)].join('\n') + '\n';
  await c.out(tabwrite(text, { minwidth: 20, padding: 3 }));
  return 0;
};
