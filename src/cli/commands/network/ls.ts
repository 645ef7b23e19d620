/** `docker network ls`: List networks (flags and help as Docker 28.5 prints them). */
import { chooseFormat, writeFormat } from '../../format/table';
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, list, parseFilters, printFormat, str } from '../shared/common';
import { api } from './common';

export const networkLsRun: Handler = async (ctx, _args, flags) => {
  const nets = await call(() => api(ctx).networkList(parseFilters(list(flags, 'filter'))));
  const noTrunc = bool(flags, 'no-trunc');
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', warn: () => {} });
  const rows = nets
    .sort((a, b) => (String(a.Name) < String(b.Name) ? -1 : 1))
    .map((n) => ({ ID: noTrunc ? n.Id : String(n.Id).slice(0, 12), Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv6: 'false', Internal: 'false', CreatedAt: n.Created, Labels: '' }));
  return printFormat(ctx, writeFormat(bool(flags, 'quiet') ? '{{.ID}}' : format, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED AT', Labels: 'LABELS' }, rows));
};

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List networks',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [
    filterFlag('Provide filter values (e.g. "driver=bridge")'),
    formatFlag(),
    noTruncFlag('Do not truncate the output'),
    quietFlag('Only display network IDs')
  ],
  run: networkLsRun
});
