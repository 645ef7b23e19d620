/**
 * "The learner ran …" conditions, matched by meaning. A docker pattern is parsed with the CLI's own
 * flag specs (src/cli/framework/canonical.ts), so `docker image ls` = `docker images`,
 * `docker container run` = `docker run`, `-it` = `-i -t` = `--interactive --tty`, any flag order;
 * the flags the pattern gives must be there with the same values, extra flags are fine, and the
 * arguments must be the same (`ubuntu` = `ubuntu:latest`). Other lines compare as typed text.
 */
import { canonicalDockerCommand } from '../cli/framework/canonical';
import type { TypedCondition } from './types';

/** What was run on the host since the lesson (or step) began. */
export interface CommandLog {
  /** Lines typed at the host prompt, with the status each ended with. */
  lines: { text: string; status: number }[];
  /** Each run of the docker client (argv without `docker`). */
  docker: { argv: string[]; status: number }[];
}

export function emptyLog(): CommandLog {
  return { lines: [], docker: [] };
}

/** Split a pattern into words as a shell would for simple quoting (lesson authors' patterns). */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]!);
  return out;
}

export function typedMatches(c: TypedCondition, log: CommandLog): boolean {
  const words = splitWords(c.typed);
  const okStatus = (s: number) => c.status === undefined || s === c.status;
  if (words[0] === 'docker' && words[1] === 'compose') {
    // Compose parses its own flags (no specs to read them by): the sub-command must be the same
    // and every word of the pattern present, in any order (`ps -a` matches `ps --format x -a`).
    const sub = (w: string[]) => w.slice(2).find((x) => !x.startsWith('-'));
    return log.docker.some((d) => okStatus(d.status) && d.argv[1] === 'compose' && sub(d.argv) === sub(words) && words.slice(2).every((w) => d.argv.slice(2).includes(w)));
  }
  if (words[0] === 'docker') {
    const want = canonicalDockerCommand(words.slice(1));
    if (!want) return false;
    return log.docker.some((d) => okStatus(d.status) && sameCommand(want, canonicalDockerCommand(d.argv.slice(1))));
  }
  const norm = (t: string) => t.trim().replace(/\s+/g, ' ');
  return log.lines.some((l) => okStatus(l.status) && norm(l.text) === norm(c.typed));
}

function sameCommand(want: NonNullable<ReturnType<typeof canonicalDockerCommand>>, got: ReturnType<typeof canonicalDockerCommand>): boolean {
  if (!got) return false;
  // `docker inspect X` looks X up as any object; `docker container inspect X` is one of its readings.
  const inspectAlike = want.path === 'inspect' && / inspect$/.test(got.path);
  if (got.path !== want.path && !inspectAlike) return false;
  for (const [k, v] of Object.entries(want.flags)) {
    if (!(k in got.flags)) return false;
    const g = got.flags[k];
    if (Array.isArray(v)) {
      if (!Array.isArray(g) || !v.every((x) => g.includes(x))) return false;
    } else if (JSON.stringify(g) !== JSON.stringify(v)) return false;
  }
  if (want.args.length !== got.args.length) return false;
  return want.args.every((a, i) => a === got.args[i] || (i === 0 && sameRef(a, got.args[i]!)));
}

/** `ubuntu` and `ubuntu:latest` (and `docker.io/library/ubuntu:latest`) name the same thing. */
export function sameRef(a: string, b: string): boolean {
  const norm = (r: string) => {
    let s = r.replace(/^docker\.io\//, '').replace(/^library\//, '');
    if (!/:[^/]+$/.test(s) && !s.includes('@')) s += ':latest';
    return s;
  };
  return norm(a) === norm(b);
}
