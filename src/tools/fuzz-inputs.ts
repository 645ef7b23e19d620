/**
 * Inputs for the fuzzer (fuzz.test.ts), all drawn from one seeded random source so a failure
 * replays: docker command lines built from the CLI's own flag specs with values of the wrong type,
 * huge and control-character arguments and broken quotes; mutated Dockerfiles; shell scripts that
 * loop, flood, recurse and allocate; compose files, mutated, and `docker compose` lines from compose's
 * own verb specs (verbs.json). Generated text never contains the words the fuzzer looks for
 * in the output (`undefined`, `NaN`, `[object Object]`), so finding them means the engine made them.
 */
import { buildTree } from '../cli/framework/root';
import type { FlagSpec } from '../cli/framework/types';
import type { Node } from '../cli/framework/help';
import type { Rng } from '../engine/rng';
import COMPOSE_VERBS from '../cli/compose/verbs.json';

export class Pick {
  constructor(readonly rng: Rng) {}
  int(n: number): number {
    return this.rng.nextU32() % Math.max(1, n);
  }
  one<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.rng.nextU32() / 0x1_0000_0000 < p;
  }
}

/** Control characters a learner can paste that are not terminal keys (no ^C ^D ^Z ^\ ^P ^Q, CR, LF). */
const CONTROL = ['\x01', '\x02', '\x05', '\x06', '\x07', '\x0b', '\x0e', '\x0f', '\x12', '\x14', '\x16', '\x17', '\x18', '\x19', '\x1d', '\x1e', '\x1f', '\x7f'];
const WEIRD = ['', ' ', '-', '--', '-1', '0', '1e999', '99999999999999999999', '0x10', '1.5', 'true', 'abc', 'café', '名字', '../..', '/', '//x', '[', '{{', '{{.', '{{json .}}', "'", '"', '$(', '${', '`', '\\', '%', '%%', '*', '?', 'a=b=c', ':', '::', '[::1]:5000/a', 'HTTP://LOCALHOST:8080/', 'busybox', 'alpine:latest', 'nosuch', 'hello-world', 'sha256:', 'a'.repeat(300)];
const NAMES = ['busybox', 'alpine', 'ubuntu', 'hello-world', 'nginx', 'nosuch', 'web', 'c1', 'fz', 'café', 'UPPER', 'a/b/c:d', 'registry:2', 'localhost:5000/x'];

export function arg(p: Pick): string {
  const r = p.int(10);
  if (r < 5) return p.one(WEIRD);
  if (r < 7) return p.one(NAMES);
  if (r < 8) return Array.from({ length: 1 + p.int(6) }, () => p.one(CONTROL)).join('') + p.one(NAMES);
  if (r < 9) return 'x'.repeat(1000 + p.int(4000));
  return String(p.int(100000) - 50000);
}

/** Quote a word for the shell most of the time; leave it raw (broken quotes and all) sometimes. */
function word(p: Pick, s: string): string {
  if (p.chance(0.25)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

let tree: Node | undefined;
function commands(): Node[] {
  tree ??= buildTree('/home/learner');
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.spec.run && !n.spec.swarm) out.push(n);
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function pathOf(n: Node): string[] {
  const parts: string[] = [];
  for (let c: Node | undefined = n; c?.parent; c = c.parent) parts.unshift(c.spec.name);
  return parts;
}

/** `docker <command> [flags with odd values] [odd arguments]`. */
export function dockerLine(p: Pick): string {
  const cmd = p.one(commands());
  const words = ['docker', ...pathOf(cmd)];
  const flags: FlagSpec[] = cmd.spec.flags;
  for (let i = p.int(4); i > 0 && flags.length; i--) {
    const f = p.one(flags);
    const name = f.short && p.chance(0.3) ? '-' + f.short : '--' + f.long;
    if (f.type === 'bool') words.push(p.chance(0.2) ? `${name}=${arg(p)}` : name);
    else words.push(name, word(p, arg(p)));
  }
  for (let i = p.int(4); i > 0; i--) words.push(word(p, arg(p)));
  return words.join(' ');
}

const BASE_DOCKERFILES = [
  'FROM busybox\nRUN echo hi > /f\nCMD ["cat", "/f"]\n',
  'FROM alpine AS build\nWORKDIR /src\nCOPY . .\nRUN ls\nFROM busybox\nCOPY --from=build /src /app\nENTRYPOINT ["ls"]\n',
  'FROM ubuntu\nENV A=1 B=2\nARG X=3\nLABEL a=b\nEXPOSE 80\nUSER nobody\nHEALTHCHECK CMD true\n',
];
const INSTRUCTIONS = [
  'FROM scratch', 'FROM nosuch', 'FROM busybox AS a', 'FROM a AS b', 'FROM b AS a', 'COPY --from=b / /', 'COPY missing /', 'ADD nowhere /x',
  'RUN exit 3', 'RUN true', 'CMD ["a",', 'CMD [1, 2]', 'ENTRYPOINT {}', 'ENV', 'ENV A', 'ENV A=$A$A', 'ARG', 'ARG ${', 'WORKDIR', 'USER 0:0:0',
  'EXPOSE 99999', 'EXPOSE abc/udp', 'HEALTHCHECK --interval=-1s CMD x', 'ONBUILD ONBUILD RUN x', 'SHELL not-json', 'STOPSIGNAL SIGNOPE',
  'VOLUME ["/a"', 'LABEL', 'MAINTAINER', 'COPY <<EOF /x\nhello\nEOF', 'RUN <<EOF\nEOF', 'NOPE x', '# syntax=docker/dockerfile:1', '\\', 'FROM busybox\\',
];

export function dockerfile(p: Pick): string {
  let lines = p.one(BASE_DOCKERFILES).split('\n');
  for (let i = 1 + p.int(5); i > 0; i--) {
    const at = p.int(lines.length + 1);
    switch (p.int(5)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, p.one(INSTRUCTIONS)); break;
      case 2: lines.splice(at, 0, lines[p.int(lines.length)] ?? ''); break;
      case 3: lines[at] = (lines[at] ?? '') + ' ' + arg(p); break;
      case 4: if (p.chance(0.1)) lines = [...lines, ...Array.from({ length: 200 }, (_, k) => `LABEL l${k}=${k}`)]; break;
    }
  }
  return lines.join('\n');
}

/**
 * Shell lines that run away: the fuzzer interrupts them after a random moment. A trap on INT stays
 * in a subshell: set in the login shell it would make every later loop immune to Ctrl-C, as in bash.
 */
const SCRIPTS = [
  'while true; do :; done', 'while :; do echo flood; done', 'for i in $(seq 100000); do x=$i; done', 'yes | head -n 20000 | wc -l',
  'f() { f; }; f', 'g() { g | g; }; g', 'x=a; while true; do x=$x$x; done', 'cat /dev/zero | head -c 100000 | wc -c',
  'sleep 1000', 'read line', 'cat', 'docker run -it busybox sh', 'docker run --rm --pids-limit 20 busybox sh -c ":(){ :|:& };:; sleep 2"',
  'docker run --rm -m 8m busybox sh -c "x=a; while true; do x=\\$x\\$x; done"', 'docker run -d --name loop$RANDOM busybox sh -c "while :; do :; done"',
  'docker logs -f $(docker ps -lq)', 'docker stats', 'docker events', 'docker run -i busybox cat', 'docker build -', 'docker login',
  'docker container prune', 'echo $((1/0))', 'echo ${x:?}', '(trap "echo t" INT; sleep 5)', 'exec 3>&-; echo x >&3', 'ulimit -u', 'kill -9 $$',
  "echo 'unterminated", 'echo "$(', 'cat <<EOF', 'if true; then', 'case x in', '((', '[[ -z', 'echo {', 'for', 'exit',
];

export function script(p: Pick): string {
  const s = p.one(SCRIPTS);
  return p.chance(0.2) ? `${s}; ${p.one(SCRIPTS)}` : s;
}

/**
 * Disk bombs: fill the host's disk or a container's writable layer (they share the one disk). Each
 * must end in `No space left on device` (and the fuzzer then frees the space again).
 */
const DISK_BOMBS = [
  'head -c 100000000000 /dev/zero > ~/big',
  'dd if=/dev/zero of=$HOME/big bs=16M',
  'dd if=/dev/zero of=$HOME/big bs=1G status=none',
  'docker run --rm busybox sh -c "head -c 100000000000 /dev/zero > /big"',
  'cp /etc/passwd ~/p1; head -c 100000000000 /dev/zero >> ~/big; cp /etc/passwd ~/p2',
  // The daemon on the full disk: a writable layer, a start, a load and a build step (issue 15).
  'dd if=/dev/zero of=$HOME/big bs=1G status=none; docker run --rm busybox echo hi; docker start $(docker ps -aq | head -n 1)',
  'dd if=/dev/zero of=$HOME/big bs=1G status=none; docker create busybox; printf "FROM busybox\\nRUN echo hi > /f\\n" | docker build -q -',
  'docker pull -q busybox; docker save -o ~/p1 busybox; docker rmi busybox; dd if=/dev/zero of=$HOME/big bs=1G status=none; docker load -i ~/p1',
];

export function diskBomb(p: Pick): string {
  return p.one(DISK_BOMBS);
}

/** Compose projects the fuzzer writes to ~/cz/compose.yaml before mutating them. */
const BASE_COMPOSE = [
  'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  cache:\n    image: redis\n',
  'services:\n  a:\n    image: busybox\n    command: sleep 1000\n  b:\n    image: busybox\n    command: sh -c "echo hi"\n    depends_on: [a]\n',
  'services:\n  app:\n    build: .\n    volumes:\n      - data:/data\n    environment:\n      A: ${A:-1}\nvolumes:\n  data:\n',
  'name: cz\nservices:\n  h:\n    image: busybox\n    command: sleep 1000\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 1s\n    deploy:\n      replicas: 2\n',
];
const COMPOSE_LINES = [
  '    image: nosuch', '    build: missing', '    depends_on: [nobody]', '    ports: ["99999:80"]', '    command: [1, {}]', '  x:', 'services: []',
  '    volumes:\n      - ../..:/x', '    networks: [none, other]', '\tbad: tab', '    <<: *anchor', '    env_file: nope.env', '    profiles: [p]',
  '    restart: sometimes', '    scale: -1', '    extends: {service: a}', 'include: [other.yaml]', '${', '    image: ${X:?unset}',
];

export function composeFile(p: Pick): string {
  const lines = p.one(BASE_COMPOSE).split('\n');
  for (let i = p.int(4); i > 0; i--) {
    const at = p.int(lines.length + 1);
    switch (p.int(3)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, p.one(COMPOSE_LINES)); break;
      case 2: lines[at] = (lines[at] ?? '') + ' ' + arg(p); break;
    }
  }
  return lines.join('\n');
}

const COMPOSE_ARGS = ['web', 'cache', 'a', 'b', 'app', 'h', 'nosuch', 'sh', 'echo', 'true'];

/** Well-formed verbs in a row, so states meet verbs (a second pause, an unpause of a running one). */
const COMPOSE_FLOW = ['up -d', 'pause', 'unpause', 'stop', 'start', 'restart', 'kill', 'rm -f', 'rm --stop -f', 'down', 'down -v', 'ps -a', 'logs', 'top', 'exec web true', 'run --rm a echo hi', 'up -d --scale web=2', 'create', 'images'];

/** `docker compose -f ~/cz/compose.yaml <verb> [flags with odd values] [services, odd arguments]`. */
export function composeLine(p: Pick): string {
  if (p.chance(0.4)) return `docker compose -f ~/cz/compose.yaml ${p.one(COMPOSE_FLOW)}`;
  const verbs = Object.entries(COMPOSE_VERBS as Record<string, { flags: FlagSpec[] }>).filter(([v]) => v !== '');
  const [verb, doc] = p.one(verbs);
  const words = ['docker', 'compose', '-f', '~/cz/compose.yaml', ...verb.split(' ')];
  for (let i = p.int(3); i > 0 && doc.flags.length; i--) {
    const f = p.one(doc.flags);
    const name = f.short && p.chance(0.3) ? '-' + f.short : '--' + f.long;
    if (f.type === 'bool') words.push(p.chance(0.2) ? `${name}=${arg(p)}` : name);
    else words.push(name, word(p, p.chance(0.5) ? p.one(COMPOSE_ARGS) : arg(p)));
  }
  for (let i = p.int(3); i > 0; i--) words.push(word(p, p.chance(0.6) ? p.one(COMPOSE_ARGS) : arg(p)));
  return words.join(' ');
}
