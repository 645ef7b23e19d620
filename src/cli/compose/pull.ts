/**
 * `docker compose pull` and `push` (pkg/compose/pull.go, push.go): each service's image, with
 * compose's events (`redis Pulled` and its layers; a service without `image:` is "Skipped - No
 * image to be pulled"), in one block titled "Pulling" / "Pushing".
 */
import { bool } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { pullService } from './converge';
import { imageOf } from './labels';

export const pullVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  for (const a of args) if (!p.services[a]) throw new ComposeError(`no such service: ${a}`);
  const names = (args.length ? args : Object.keys(p.services)).sort();
  const pw = c.progress('Pulling');
  const mustBuild: string[] = [];
  try {
    for (const n of names) {
      const s = p.services[n]!;
      if (!s.image) {
        await pw.event({ id: n, status: 'done', text: 'Skipped - No image to be pulled' });
        continue;
      }
      try {
        await pullService(c, n, s.image, pw, bool(flags, 'quiet'));
      } catch (e) {
        if (s.build || bool(flags, 'ignore-pull-failures')) {
          if (s.build) mustBuild.push(n);
          continue;
        }
        throw e;
      }
    }
    if (mustBuild.length) await pw.tailMsg(`WARNING: Some service image(s) must be built from source by running:\n    docker compose build ${mustBuild.join(' ')}`);
  } finally {
    await pw.done();
  }
  return 0;
};

export const pushVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  for (const a of args) if (!p.services[a]) throw new ComposeError(`no such service: ${a}`);
  if (!c.d.imagePush) throw new ComposeError('docker compose push: not simulated yet');
  const pw = c.progress('Pushing');
  try {
    for (const n of (args.length ? args : Object.keys(p.services)).sort()) {
      const s = p.services[n]!;
      if (!s.image) {
        await pw.event({ id: n, status: 'done', text: 'Skipped' });
        continue;
      }
      const image = imageOf(p.name, n, s);
      try {
        // toPushProgressEvent: one line per layer, `Pushing <image>: <layer>`
        await c.d.imagePush(image, {
          username: c.io.env.USER,
          onProgress: async (m) => {
            if (!m.id || bool(flags, 'quiet')) return;
            const done = m.status === 'Pushed' || m.status === 'Layer already exists';
            await pw.event({ id: `Pushing ${image}: ${m.id}`, text: m.status, status: done ? 'done' : 'working', statusText: m.progress ?? '' });
          },
        });
      } catch (e) {
        if (bool(flags, 'ignore-push-failures')) continue;
        throw new ComposeError(`Error response from daemon: ${(e as Error).message}`);
      }
    }
  } finally {
    await pw.done();
  }
  return 0;
};
