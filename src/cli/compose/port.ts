/** `docker compose port SERVICE PRIVATE_PORT` (pkg/compose/port.go): `0.0.0.0:4000`. */
import { num, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { serviceContainer } from './exec';

export const portVerb: VerbHandler = async (c, args, flags) => {
  if (args.length !== 2) throw new ComposeError(`accepts 2 arg(s), received ${args.length}`);
  const [service, privatePort] = args as [string, string];
  const port = Number(privatePort);
  if (!/^\d+$/.test(privatePort)) throw new ComposeError(`strconv.Atoi: parsing ${JSON.stringify(privatePort)}: invalid syntax`);
  const { name } = await c.projectName();
  const ctr = await serviceContainer(c, name, service, num(flags, 'index'));
  const protocol = str(flags, 'protocol') || 'tcp';
  const hit = (ctr.summary.Ports ?? []).find((p) => p.PrivatePort === port && p.Type === protocol && p.PublicPort);
  if (!hit) {
    const have = (ctr.summary.Ports ?? []).map((p) => `${p.PrivatePort}/${p.Type}`);
    throw new ComposeError(`no port ${port}/${protocol} for container ${ctr.name}: ${have.join(', ')}`);
  }
  await c.out(`${hit.IP ?? ''}:${hit.PublicPort}\n`);
  return 0;
};
