/**
 * FROM of an image: found in the store, or pulled (BuildKit pulls into its build cache, the
 * classic builder as an image); and FROM scratch, the empty start of a stage.
 */
import type { Image } from '../../image/store';
import type { ImageConfig } from '../../image/config';
import type { BuildSession } from '../session';
import { countSteps, stepLabel } from '../stages';
import type { Stage } from '../types';

export function scratchImage(s: BuildSession): Image {
  const config: ImageConfig = { architecture: 'amd64', os: 'linux', config: { Env: [], Cmd: null }, rootfs: { type: 'layers', diff_ids: [] }, history: [] };
  // `FROM scratch` is no image at all: the empty start of a stage, never listed.
  const img = s.d.store.add(config, []);
  if (!s.d.store.repoTags(img.id).length) s.d.store.setCacheOnly(img.id, true);
  return img;
}

/** The stage's base image, and whether it had layers to download. */
export async function baseImage(s: BuildSession, ref: string, stage: Stage, multi: boolean): Promise<{ image: Image; downloaded: boolean }> {
  const norm = s.d.normalize(ref);
  let img = s.o.pull ? undefined : s.d.store.find(ref);
  const extracted: string[] = [];
  let resolvedDigest: string | undefined;
  let downloaded = false;
  if (!img) {
    try {
      img = await s.d.pull(ref, async (p) => {
        if (p.status === 'Pull complete') downloaded = true;
        if (p.id && /Pull complete/.test(p.status)) extracted.push(p.id);
        const d = /^Digest: (sha256:[0-9a-f]{64})$/.exec(p.status);
        if (d) resolvedDigest = d[1];
        await s.printer.pullProgress(p);
      }, !s.o.classic);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      countSteps(stage, true, 0);
      await s.printer.baseFailed(`${stepLabel(stage, multi)} FROM ${norm}`, msg);
      throw s.printer.fail(s.o.classic ? msg : `${norm}: failed to resolve source metadata for ${norm}: ${msg}`);
    }
  }
  // The vertex is named with the digest the metadata step resolved.
  const digest = s.d.store.repoDigests(img.id)[0]?.split('@')[1] ?? resolvedDigest;
  const full = digest ? `${norm}@${digest}` : norm;
  countSteps(stage, true, img.config.config.OnBuild?.length ?? 0);
  await s.printer.baseReady(`${stepLabel(stage, multi)} FROM ${full}`, full, downloaded ? extracted : undefined, img.id);
  return { image: img, downloaded };
}
