/**
 * Programs are TypeScript functions; an image decides which exist by the files it ships. An
 * executable file whose bytes are a program marker names the implementation to run, so `ls` exists
 * in a container only when its image has `/bin/ls` (or busybox's symlink to `/bin/busybox`), and
 * `apt-get install cowsay` makes `/usr/games/cowsay` runnable by writing its marker file.
 *
 * Marker format: the 4 ELF magic bytes, then ` sim:<program>` and a newline. `cat /bin/ls` prints
 * something binary-looking, as on Linux, and `file`-like sniffing still sees an ELF.
 */
import type { Program, ProgramContext } from '../process/types';
import { trackRealWork } from '../../lib/realwork';

const programs = new Map<string, Program>();

export function registerProgram(name: string, program: Program): void {
  programs.set(name, program);
}

/**
 * A program whose code loads on first use (a heavy interpreter kept out of the first download).
 * The load is real work the machine's clock does not see, so it is tracked (`../realwork.ts`):
 * the headless runner and `Machine.run` wait for it instead of moving virtual time on, so a
 * transcript runs the same whether the code was loaded already or not. Extra arguments (a
 * flavour, as busybox's applets pass) go through. A load that fails (the page went offline before
 * the chunk was cached) is reported by the program and tried again next time.
 */
export function lazyProgram(load: () => Promise<Program>): Program {
  let loading: Promise<Program> | undefined;
  let program: Program | undefined;
  const ensure = () => (loading ??= trackRealWork(load()).then((p) => (program = p), (e: unknown) => {
    loading = undefined;
    throw e;
  }));
  prefetchers.push(() => ensure().then(() => undefined, () => undefined));
  const run = async (ctx: ProgramContext, ...rest: unknown[]): Promise<number> => {
    if (!program) {
      try {
        await ensure();
      } catch (e) {
        await ctx.stderr.write(`${ctx.argv[0]}: cannot load this program's code: ${e instanceof Error ? e.message : String(e)}\n`);
        return 126;
      }
    }
    return (program as (ctx: ProgramContext, ...rest: unknown[]) => Promise<number>)(ctx, ...rest);
  };
  return run;
}

const prefetchers: (() => Promise<void>)[] = [];

/**
 * Load every lazy program's code now (the page calls this once the prompt is up and the tab is
 * idle), so a learner's first `python3` or `docker compose up` has no visible pause.
 */
export function prefetchLazyPrograms(): Promise<void> {
  return Promise.all(prefetchers.map((p) => p())).then(() => undefined);
}

/** Code a program loads itself on first use (the docker CLI): prefetched with the lazy programs. */
export function registerPrefetch(load: () => Promise<unknown>): void {
  prefetchers.push(() => load().then(() => undefined, () => undefined));
}

export function registerLazyProgram(name: string, load: () => Promise<Program>): void {
  programs.set(name, lazyProgram(load));
}

export function getProgram(name: string): Program | undefined {
  return programs.get(name);
}

export function programNames(): string[] {
  return [...programs.keys()].sort();
}

const MAGIC = '\x7fELF sim:';

/**
 * The bytes of an executable file that runs `program`. `data` (optional) follows the marker line:
 * what a real binary has built into it, such as the version a release was linked with (Go's
 * `-ldflags -X main.version=…`), read back by the program through `markerData`.
 */
export function programMarker(program: string, data = ''): Uint8Array {
  const s = MAGIC + program + '\n' + data;
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The program a file's bytes name, or undefined if it is not a program marker. */
export function markerProgram(bytes: Uint8Array): string | undefined {
  if (bytes.length < MAGIC.length + 2) return undefined;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return undefined;
  let end = MAGIC.length;
  while (end < bytes.length && bytes[end] !== 10) end++;
  let name = '';
  for (let i = MAGIC.length; i < end; i++) name += String.fromCharCode(bytes[i]);
  return name;
}

/** The data a marker carries after its first line ('' when none, undefined for a non-marker). */
export function markerData(bytes: Uint8Array): string | undefined {
  if (markerProgram(bytes) === undefined) return undefined;
  const nl = bytes.indexOf(10);
  let out = '';
  for (let i = nl + 1; i < bytes.length && bytes[i] !== 0; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/**
 * A `key=value` the running program's own executable carries (`version` for a release binary or
 * an interpreter), read from the file it was started from; undefined when it carries none.
 */
export function builtIn(ctx: ProgramContext, key: string): string | undefined {
  let data: string | undefined;
  try {
    data = ctx.exe ? markerData(ctx.fs.readFile(ctx.exe)) : undefined;
  } catch {
    return undefined;
  }
  return new RegExp(`^${key}=(\\S+)$`, 'm').exec(data ?? '')?.[1];
}
