/**
 * `apt-get update`: read the sources the image names (/etc/apt/sources.list and the files in
 * sources.list.d, one-line or deb822 format), ask each archive for each suite's Release file and
 * its package indexes, and keep the indexes in /var/lib/apt/lists.
 *
 * The archives answer as the real mirrors do today: deb.debian.org serves bookworm and bullseye
 * (older Debian releases moved to archive.debian.org), archive.ubuntu.com serves the Ubuntu LTS
 * releases that are still published (xenial … noble); an end-of-life release such as Ubuntu 21.04
 * or 15.10 lives only on old-releases.ubuntu.com. A suite the mirror no longer has is a 404 for
 * its Release file: apt prints `Ign:`/`Err:` lines, refuses the repository (`E: The repository …
 * does not have a Release file.`) and exits 100, so a Dockerfile's `RUN apt-get update` on
 * debian:stretch fails as it does now. Pointing sources.list at archive.debian.org or
 * old-releases.ubuntu.com works, as it does for real.
 */
import type { ProgramContext } from '../../process/types';
import { aptSize, canWrite, readText } from './db';
import { releaseCatalog, releaseOf, type Release } from './releases';

export const LISTS = '/var/lib/apt/lists';

export interface Source {
  /** Without the trailing slash, as apt prints it. */
  uri: string;
  suite: string;
  components: string[];
}

/** The sources, in file order (sources.list, then sources.list.d/*), one per URI and suite. */
export function readSources(ctx: ProgramContext): Source[] {
  const out: Source[] = [];
  const add = (uri: string, suite: string, comps: string[]) => {
    uri = uri.replace(/\/+$/, '');
    const hit = out.find((s) => s.uri === uri && s.suite === suite);
    if (hit) for (const c of comps) (hit.components.includes(c) ? null : hit.components.push(c));
    else out.push({ uri, suite, components: [...comps] });
  };
  const oneLine = (text: string) => {
    for (const line of text.split('\n')) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line.replace(/#.*/, ''));
      if (m) add(m[1], m[2], m[3].split(/\s+/).filter(Boolean));
    }
  };
  const deb822 = (text: string) => {
    for (const stanza of text.split(/\n\s*\n/)) {
      const f = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''))?.[1]?.trim() ?? '';
      if (!/\bdeb\b/.test(f('Types')) || /^no$/i.test(f('Enabled'))) continue;
      for (const uri of f('URIs').split(/\s+/).filter(Boolean)) for (const suite of f('Suites').split(/\s+/).filter(Boolean)) add(uri, suite, f('Components').split(/\s+/).filter(Boolean));
    }
  };
  oneLine(readText(ctx, '/etc/apt/sources.list'));
  let files: string[] = [];
  try {
    files = ctx.fs.readdir('/etc/apt/sources.list.d').sort();
  } catch {
    /* no directory */
  }
  for (const f of files) {
    if (f.endsWith('.list')) oneLine(readText(ctx, `/etc/apt/sources.list.d/${f}`));
    else if (f.endsWith('.sources')) deb822(readText(ctx, `/etc/apt/sources.list.d/${f}`));
  }
  return out;
}

/** Which suites each archive still publishes (the part before `-updates`, `/updates` …). */
const PUBLISHED: Record<string, string[]> = {
  'http://deb.debian.org/debian': ['bookworm', 'bullseye', 'trixie'],
  'http://deb.debian.org/debian-security': ['bookworm', 'bullseye', 'trixie'],
  'http://security.debian.org/debian-security': ['bookworm', 'bullseye', 'trixie'],
  'http://archive.debian.org/debian': ['wheezy', 'jessie', 'stretch', 'buster'],
  'http://archive.debian.org/debian-security': ['wheezy', 'jessie', 'stretch', 'buster'],
  'http://archive.ubuntu.com/ubuntu': ['xenial', 'bionic', 'focal', 'jammy', 'noble'],
  'http://security.ubuntu.com/ubuntu': ['xenial', 'bionic', 'focal', 'jammy', 'noble'],
  'http://old-releases.ubuntu.com/ubuntu': ['wily', 'hirsute'],
};

/** The mirrors' addresses, as apt prints them after a failed request. */
const ADDRESS: Record<string, string> = {
  'deb.debian.org': '151.101.2.132', 'security.debian.org': '151.101.194.132', 'archive.debian.org': '151.101.130.132',
  'archive.ubuntu.com': '185.125.190.83', 'security.ubuntu.com': '91.189.91.82', 'old-releases.ubuntu.com': '185.125.190.37',
};

function published(s: Source): boolean {
  const base = s.suite.replace(/[-/](updates|security|backports|proposed)$/, '');
  return PUBLISHED[s.uri.replace(/^https:/, 'http:')]?.includes(base) ?? false;
}

function host(uri: string): string {
  return /^\w+:\/\/([^/]+)/.exec(uri)?.[1] ?? uri;
}

/** The file name apt keeps an index under: `deb.debian.org_debian_dists_bookworm_InRelease`. */
function listName(s: Source, rest: string): string {
  return `${s.uri.replace(/^\w+:\/\//, '').replace(/\//g, '_')}_dists_${s.suite.replace(/\//g, '_')}_${rest}`;
}

/** Sizes of a suite's Release file and its component indexes (kB as apt prints, compressed). */
function sizes(s: Source, release: Release, first: boolean): { release: number; packages: Record<string, number> } {
  const ubuntu = release.id === 'ubuntu';
  const main = first || (!/[-/]/.test(s.suite));
  const security = /security/.test(s.suite + s.uri);
  const packages: Record<string, number> = {};
  for (const c of s.components) {
    if (ubuntu) packages[c] = main ? ({ main: 1_792_000, restricted: 164_000, universe: 17_500_000, multiverse: 266_000 }[c] ?? 50_000) : /backports/.test(s.suite) ? ({ main: 55_200, universe: 28_600 }[c] ?? 1_000) : ({ main: 2_900_000, restricted: 3_400_000, universe: 1_200_000, multiverse: 51_200 }[c] ?? 20_000);
    else packages[c] = main ? (c === 'main' ? 8_792_000 : 100_000) : security ? 246_000 : 13_500;
  }
  return { release: ubuntu ? (main ? 270_000 : /backports/.test(s.suite) ? 127_000 : 128_000) : main ? 151_000 : security ? 48_000 : 55_400, packages };
}

export async function update(ctx: ProgramContext): Promise<number> {
  if (!canWrite(ctx, '/var/lib/dpkg')) {
    await ctx.stderr.write(`E: Could not open lock file ${LISTS}/lock - open (13: Permission denied)\nE: Unable to lock directory ${LISTS}/\n`);
    return 100;
  }
  const release = releaseOf(readText(ctx, '/etc/os-release'));
  const sources = readSources(ctx);
  const live = sources.filter(published);
  const gone = sources.filter((s) => !published(s));
  const oldApt = /^(0\.|1\.0\.)/.test(release.apt);
  let n = 1;
  let out = '';
  let total = 0;
  const sized = new Map(sources.map((s, i) => [s, sizes(s, release, i === 0)]));
  if (oldApt) {
    // apt before 1.1: no numbers, the host without its path, and a missing Release only ignored;
    // the package indexes then fail to download.
    const short = (s: Source) => `${s.uri.replace(/\/debian$|\/ubuntu$/, '')} ${s.suite}`;
    for (const kind of ['InRelease', 'Release.gpg', 'Release']) for (const s of gone) out += `Ign ${short(s)} ${kind}\n`;
    for (const s of gone) for (const c of s.components) out += `Err ${short(s)}/${c} amd64 Packages\n  404  Not Found\n`;
  } else {
    for (const s of sources) {
      const sz = sized.get(s)!;
      if (published(s)) {
        total += sz.release;
        out += `Get:${n++} ${s.uri} ${s.suite} InRelease [${aptSize(sz.release)}]\n`;
      } else out += `Ign:${n++} ${s.uri} ${s.suite} InRelease\n`;
    }
    for (const s of gone) out += `Err:${n++} ${s.uri} ${s.suite} Release\n  404  Not Found [IP: ${ADDRESS[host(s.uri)] ?? '127.0.0.1'} 80]\n`;
  }
  for (const s of live) {
    for (const [c, size] of Object.entries(sized.get(s)!.packages)) {
      total += size;
      out += `${oldApt ? 'Get:' : `Get:${n++}`} ${s.uri} ${s.suite}/${c} amd64 Packages [${aptSize(size)}]\n`;
    }
  }
  await ctx.stdout.write(out);
  if (live.length) await ctx.sys.clock.sleep(1500, ctx.signal);
  ctx.fs.mkdir(LISTS, { recursive: true });
  writeLists(ctx, live, sized, release);
  // Without a terminal apt is quiet (-q): no "Done" after the progress line, no notices.
  const tty = ctx.stdout.isTTY;
  if (total) await ctx.stdout.write(`Fetched ${aptSize(total)} in 2s (${aptSize(total / 2)}/s)\n`);
  await ctx.stdout.write(`Reading package lists...${tty ? ' Done' : ''}\n`);
  if (!gone.length) return 0;
  let err = '';
  if (oldApt) {
    for (const s of gone) for (const c of s.components) err += `W: Failed to fetch ${s.uri}/dists/${s.suite}/${c}/binary-amd64/Packages  404  Not Found\n\n`;
    err += 'E: Some index files failed to download. They have been ignored, or old ones used instead.\n';
  } else {
    for (const s of gone) {
      err += `E: The repository '${s.uri} ${s.suite} Release' does not have a Release file.\n`;
      if (tty) err += "N: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n";
    }
  }
  await ctx.stderr.write(err);
  return 100;
}

/**
 * The index files, at the weight the real ones have on disk (about 33 MB for an Ubuntu release,
 * 19 MB for Debian: what the notes' `apt-get update` layer weighs); the text written is the
 * release's simulated catalogue.
 */
function writeLists(ctx: ProgramContext, live: Source[], sized: Map<Source, ReturnType<typeof sizes>>, release: Release): void {
  const index = Object.values(releaseCatalog(release)).map((p) => `Package: ${p.name}\nVersion: ${p.version}\nInstalled-Size: ${p.kb}\nDepends: ${p.deps.join(', ')}\nDescription: ${p.desc}\n`).join('\n');
  const dl = live.reduce((a, s) => a + Object.values(sized.get(s)!.packages).reduce((x, y) => x + y, 0), 0);
  const disk = release.id === 'ubuntu' ? 33_000_000 : 18_600_000;
  let first = true;
  for (const s of live) {
    const sz = sized.get(s)!;
    ctx.fs.writeFile(`${LISTS}/${listName(s, 'InRelease')}`, `Origin: ${release.id === 'ubuntu' ? 'Ubuntu' : 'Debian'}\nSuite: ${s.suite}\n`, { size: sz.release });
    for (const [c, size] of Object.entries(sz.packages)) {
      ctx.fs.writeFile(`${LISTS}/${listName(s, `${c}_binary-amd64_Packages`)}`, first ? index : '', { size: Math.round((disk * size) / dl) });
      first = false;
    }
  }
}
