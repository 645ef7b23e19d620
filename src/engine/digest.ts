/**
 * A short fingerprint of what a learner made on a machine, so a share link can say "rebuilt the same
 * machine" or which part came out different. It hashes facts, not the snapshot's bytes: image tags
 * and IDs, containers (name, image, state), volumes, networks, and the files in the home folder.
 * Times, process IDs and the order things are listed in do not count: a replay on another clock
 * that makes the same things gives the same digest.
 *
 * Left out: `.bash_history` (the page writes the session's history there, it is not work), file
 * modes and owners, container logs.
 */
import type { Machine } from './machine';
import { HOST_HOME } from './host/setup';
import type { Fs } from '../api/fs';

export const DIGEST_PARTS = ['images', 'containers', 'volumes', 'networks', 'files'] as const;
export type DigestPart = (typeof DIGEST_PARTS)[number];

/** One 8-hex hash per part, joined with '.', e.g. `1a2b3c4d.…` (5 parts, 44 characters). */
export type Digest = string;

export function machineFacts(m: Machine): Record<DigestPart, string[]> {
  const view = m.daemon.describe();
  return {
    images: view.images.map((i) => `${i.id} ${[...i.tags].sort().join(',')}`).sort(),
    containers: view.containers.map((c) => `${c.name} ${c.image} ${c.imageId} ${stateWord(c.state)}`).sort(),
    volumes: m.daemon.volumes.list().map((v) => v.name).sort(),
    networks: view.networks.map((n) => `${n.name} ${n.driver} ${n.subnet}`).sort(),
    files: homeFiles(m.learnerFs(), HOST_HOME),
  };
}

/** running / exited / created …: `Up 3 seconds` and `Exited (0) 2 minutes ago` lose their times. */
function stateWord(state: string): string {
  return state.split(/[ (]/)[0].toLowerCase();
}

function homeFiles(fs: Fs, dir: string, depth = 0): string[] {
  if (depth > 12) return [];
  let names: string[];
  try {
    names = fs.readdir(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (depth === 0 && name === '.bash_history') continue;
    const path = `${dir}/${name}`;
    try {
      const st = fs.lstat(path);
      if (st.kind === 'dir') {
        out.push(`${path}/`);
        out.push(...homeFiles(fs, path, depth + 1));
      } else if (st.kind === 'file') out.push(`${path} ${fnv(fs.readFile(path))}`);
      else out.push(`${path} ${st.kind}`);
    } catch {
      out.push(`${path} ?`);
    }
  }
  return out;
}

export function machineDigest(m: Machine): Digest {
  const facts = machineFacts(m);
  return DIGEST_PARTS.map((p) => fnv(facts[p].join('\n'))).join('.');
}

/** The parts whose hashes differ (all of them when a digest is not well formed). */
export function digestDiff(a: Digest, b: Digest): DigestPart[] {
  const x = a.split('.');
  const y = b.split('.');
  if (x.length !== DIGEST_PARTS.length || y.length !== DIGEST_PARTS.length) return [...DIGEST_PARTS];
  return DIGEST_PARTS.filter((_, i) => x[i] !== y[i]);
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two machines apart, cheap to compute. */
export function fnv(data: string | Uint8Array): string {
  let h = 0x811c9dc5;
  if (typeof data === 'string') {
    for (let i = 0; i < data.length; i++) {
      h ^= data.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  } else {
    for (let i = 0; i < data.length; i++) {
      h ^= data[i];
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
