/** `docker volume ls`: List volumes (flags and help as Docker 28.5 prints them). */
import { chooseFormat, writeFormat } from '../../format/table';
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, list, parseFilters, printFormat, str } from '../shared/common';
import { api } from './common';
import FLAGS from './flags.json';

export const volumeLsRun: Handler = async (ctx, _args, flags) => {
  const filters = parseFilters(list(flags, 'filter'));
  const vols: Record<string, unknown>[] = await call(() => api(ctx).volumeList(filters));
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: 'table {{.Driver}}\t{{.Name}}', warn: () => {} });
  const quietFmt = bool(flags, 'quiet') ? '{{.Name}}' : format;
  const rows = vols.map((v) => ({
    Driver: v.Driver, Name: v.Name, Mountpoint: v.Mountpoint, Scope: v.Scope,
    Labels: Object.entries((v.Labels as Record<string, string>) ?? {}).map(([k, val]) => `${k}=${val}`).join(','),
    Label: (name: string) => ((v.Labels as Record<string, string>) ?? {})[name] ?? '',
    Links: 'N/A', Size: 'N/A', Group: '', Availability: 'N/A', Status: 'N/A',
  }));
  return printFormat(ctx, writeFormat(quietFmt, { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' }, rows));
};

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List volumes',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [...FLAGS.ls, filterFlag('Provide filter values (e.g. "dangling=true")'), formatFlag(), quietFlag('Only display volume names')],
  run: volumeLsRun
});
