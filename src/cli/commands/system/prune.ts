/** `docker system prune`: Remove unused data (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { humanSize } from '../../../lib/units';
import type { CommandSpec, Handler } from '../../framework/types';
import { bool, daemonOf } from '../shared/common';

/** `docker system prune`: stopped containers, unused networks, dangling (or, -a, unused) images, build cache. */
export const systemPruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  const volumes = bool(flags, 'volumes');
  if (!bool(flags, 'force')) {
    const items = [
      'all stopped containers',
      'all networks not used by at least one container',
      ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
      all ? 'all images without at least one container associated to them' : 'all dangling images',
      all ? 'all build cache' : 'unused build cache',
    ];
    await ctx.io.stdout.write(`WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}\nAre you sure you want to continue? [y/N] `);
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const d = daemonOf(ctx);
  const c = await d.containerPrune();
  // docker-cli prunes in this order: containers, networks, volumes (anonymous only), images, build cache.
  const n = d.networkPrune ? await d.networkPrune() : [];
  const v = volumes && d.volumePrune ? await d.volumePrune(false) : { VolumesDeleted: null, SpaceReclaimed: 0 };
  const i = await d.imagePrune({ all, filters: {} });
  const b = d.buildPrune ? await d.buildPrune(all) : { CachesDeleted: null, SpaceReclaimed: 0 };
  let out = '';
  if (c.ContainersDeleted?.length) out += 'Deleted Containers:\n' + c.ContainersDeleted.map((id) => id + '\n').join('') + '\n';
  if (n.length) out += 'Deleted Networks:\n' + n.map((name) => name + '\n').join('') + '\n';
  if (v.VolumesDeleted?.length) out += 'Deleted Volumes:\n' + v.VolumesDeleted.map((n) => n + '\n').join('') + '\n';
  if (i.ImagesDeleted?.length) {
    out += 'Deleted Images:\n' + i.ImagesDeleted.map((it) => (it.Untagged ? `untagged: ${it.Untagged}\n` : `deleted: ${it.Deleted}\n`)).join('') + '\n';
  }
  if (b.CachesDeleted?.length) out += 'Deleted build cache objects:\n' + b.CachesDeleted.map((id) => id + '\n').join('') + '\n';
  out += `Total reclaimed space: ${humanSize(c.SpaceReclaimed + v.SpaceReclaimed + i.SpaceReclaimed + b.SpaceReclaimed)}\n`;
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    pruneFilterFlag('Provide filter values (e.g. "label=<key>=<value>")'),
    forceFlag(),
    { long: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' }
  ],
  run: systemPruneRun
};
