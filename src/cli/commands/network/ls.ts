/** `docker network ls`: List networks (flags and help as Docker 28.5 prints them). */
import { chooseFormat, writeFormat } from '../../format/table';
import type { CommandSpec, Handler } from '../../framework/types';
import { bool, list, parseFilters, printFormat, str } from '../shared/common';
import { api, daemonCall } from './common';

export const networkLsRun: Handler = async (ctx, _args, flags) => {
  const nets = await daemonCall(() => api(ctx).networkList(parseFilters(list(flags, 'filter'))));
  const noTrunc = bool(flags, 'no-trunc');
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', warn: () => {} });
  const rows = nets
    .sort((a, b) => (String(a.Name) < String(b.Name) ? -1 : 1))
    .map((n) => ({ ID: noTrunc ? n.Id : String(n.Id).slice(0, 12), Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv6: 'false', Internal: 'false', CreatedAt: n.Created, Labels: '' }));
  return printFormat(ctx, writeFormat(bool(flags, 'quiet') ? '{{.ID}}' : format, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED AT', Labels: 'LABELS' }, rows));
};

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List networks",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker network ls, docker network list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"driver=bridge\")", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "no-trunc", "type": "bool", "usage": "Do not truncate the output"},
    {"long": "quiet", "type": "bool", "usage": "Only display network IDs", "short": "q"}
  ],
  run: networkLsRun
};
