/** `docker system prune`: Remove unused data (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, confirm, daemonOf } from '../shared/common';
import { deletedSection, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

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
    if (!(await confirm(ctx, `WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}\nAre you sure you want to continue? [y/N] `, false))) return 0;
  }
  const d = daemonOf(ctx);
  const c = await d.containerPrune();
  // docker-cli prunes in this order: containers, networks, volumes (anonymous only), images, build cache.
  const n = d.networkPrune ? await d.networkPrune() : [];
  const v = volumes && d.volumePrune ? await d.volumePrune(false) : { VolumesDeleted: null, SpaceReclaimed: 0 };
  const i = await d.imagePrune({ all, filters: {} });
  const b = d.buildPrune ? await d.buildPrune(all) : { CachesDeleted: null, SpaceReclaimed: 0 };
  let out = '';
  out += deletedSection('Deleted Containers', c.ContainersDeleted);
  out += deletedSection('Deleted Networks', n);
  out += deletedSection('Deleted Volumes', v.VolumesDeleted);
  out += deletedSection('Deleted Images', i.ImagesDeleted?.map((it) => (it.Untagged ? `untagged: ${it.Untagged}` : `deleted: ${it.Deleted}`)));
  out += deletedSection('Deleted build cache objects', b.CachesDeleted);
  out += reclaimedLine(c.SpaceReclaimed + v.SpaceReclaimed + i.SpaceReclaimed + b.SpaceReclaimed);
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec = verb({
  use: 'prune [OPTIONS]', short: 'Remove unused data',
  args: { kind: 'none' },
  flags: [...FLAGS.prune, pruneFilterFlag('Provide filter values (e.g. "label=<key>=<value>")'), forceFlag()],
  run: systemPruneRun
});
