/**
 * Tab completion for `docker` and `docker compose`, registered on one machine's CompletionTable at
 * boot: sub-commands and flags from the CLI's own command tree, container/image/network/volume
 * names from this machine's daemon (completion-verbs.ts says which, per Docker's bash completion),
 * and compose sub-commands and the services of the compose file in the current directory.
 */
import { CompletionTable, type ArgCompletionRequest } from '../../shell';
import type { DaemonApi } from '../../api/daemon';
import type { Fs } from '../../api/fs';
import { DOCKER_GID } from './setup';
import type { Node } from '../../cli/framework/help';
import { trackRealWork } from '../../lib/realwork';
import type { FlagSpec } from '../../cli/framework/types';
import { scanArgs, skipGlobalFlags } from './completion-words';
import { flagValue, VERBS, type Reply } from './completion-verbs';
import { composeServices, type CompletionSources } from './completion-sources';

export type { CompletionSources } from './completion-sources';

/** The CLI's tree and verb tables, loaded at the first Tab (tracked: virtual time waits for it). */
type CliParts = typeof import('./completion-cli');
let cli: CliParts | undefined;
let cliLoading: Promise<CliParts> | undefined;
function loadCli(): Promise<CliParts> {
  return (cliLoading ??= trackRealWork(import('./completion-cli')).then(
    (m) => (cli = m),
    (e: unknown) => {
      cliLoading = undefined;
      throw e;
    },
  ));
}

/** Commands whose flags stop at the first positional argument (the rest is the command to run). */
const NO_INTERSPERSE = new Set(['container run', 'container create', 'container exec']);

function flagNames(flags: FlagSpec[], current: string): string[] {
  return flags
    .filter((f) => !f.hidden)
    .flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])])
    .filter((f) => f.startsWith(current))
    .sort();
}

/**
 * A machine's completion table, made at its boot: the completers read names from this daemon and
 * this daemon only (issue 9: two machines in one process must not share completions).
 */
export function machineCompletions(daemon: DaemonApi, containerFs: (ref: string) => Fs | undefined): CompletionTable {
  const table = new CompletionTable();
  registerDockerCompletion(table, {
    daemon,
    // The socket's permissions: root or the docker group (the docker client checks the same).
    canUseDaemon: (fs) => fs.cred.uid === 0 || fs.cred.gid === DOCKER_GID || fs.cred.groups.includes(DOCKER_GID),
    containerFs,
  });
  return table;
}

export function registerDockerCompletion(table: CompletionTable, src: CompletionSources): void {
  // The command tree is built at the first Tab, not at boot (it costs milliseconds per machine).
  let tree: Node | undefined;
  const docker = async (req: ArgCompletionRequest): Promise<Reply> => {
    const { buildTree, findChild, globalFlags } = await loadCli();
    const globals = globalFlags('/root');
    const root = (tree ??= buildTree('/root'));
    const { rest, valueFor } = skipGlobalFlags(globals, req.words.slice(1));
    if (valueFor) return valueFor.long === 'log-level' ? ['debug', 'info', 'warn', 'error', 'fatal'] : valueFor.long === 'config' ? undefined : [];
    // Walk down the command tree: `docker network connect` → the `connect` node.
    let node: Node = root;
    const path: string[] = [];
    let i = 0;
    for (; i < rest.length && node.children.length; i++) {
      if (rest[i].startsWith('-')) continue;
      const child = findChild(node, rest[i]);
      if (!child) break;
      node = child;
      path.push(child.spec.name);
    }
    if (path[0] === 'compose') return compose(req, rest.slice(i));
    // `--network=app<Tab>`: bash splits the word at `=`; complete the value and keep the flag.
    const eq = /^(--[\w-]+)=(.*)$/.exec(req.current);
    if (eq && !node.children.length) {
      const verb = key(path);
      const scan = scanArgs(node.spec.flags, [...rest.slice(i), eq[1]], NO_INTERSPERSE.has(verb));
      if (!scan.valueFor) return [];
      const got = await flagValue(verb, scan.valueFor.long, { req: { ...req, current: eq[2] }, src, scan, pos: scan.positionals.length });
      const list = Array.isArray(got) ? { candidates: got } : got;
      return list && { ...list, candidates: list.candidates.map((c) => `${eq[1]}=${c}`) };
    }
    if (req.current.startsWith('-') && !(path.length && NO_INTERSPERSE.has(key(path)) && scanArgs(node.spec.flags, rest.slice(i), true).stopped)) {
      return flagNames(node === root ? globals : node.spec.flags, req.current);
    }
    if (node.children.length) return node.children.filter((c) => !c.spec.hidden).map((c) => c.spec.name).sort();
    const verb = key(path);
    const scan = scanArgs(node.spec.flags, rest.slice(i), NO_INTERSPERSE.has(verb));
    const ctx = { req, src, scan, pos: scan.positionals.length };
    if (scan.valueFor) return flagValue(verb, scan.valueFor.long, ctx);
    const fn = VERBS[verb];
    return fn ? fn(ctx) : undefined;
  };
  table.register('docker', docker);
  table.register('docker-compose', async (req) => (await loadCli(), compose(req, req.words.slice(1))));
}

/** The management form of a command path: `stop` → `container stop`, `rmi` → `image rm`. */
function key(path: string[]): string {
  const short = path.length === 1 ? cli!.SHORTCUTS[path[0]] : undefined;
  return (short ? short.path : path).join(' ');
}

type ComposeVerb = { flags: FlagSpec[]; hidden?: boolean };
/** Compose's verbs and flags (only called once loadCli has settled). */
const composeVerbs = () => cli!.COMPOSE_VERBS as unknown as Record<string, ComposeVerb>;

/**
 * `docker compose …`: its global flags, a sub-command, then that command's flags and service names
 * (compose's completeServiceNames; `ls` and `version` take no services).
 */
function compose(req: ArgCompletionRequest, words: string[]): Reply | Promise<Reply> {
  const COMPOSE = composeVerbs();
  const top = COMPOSE[''].flags;
  const scanTop = scanArgs(top, words, true);
  if (scanTop.valueFor) return ['file', 'env-file', 'project-directory'].includes(scanTop.valueFor.long) ? undefined : [];
  const files: string[] = [];
  let projectDirectory = '';
  for (let j = 0; j < words.length - 1; j++) {
    if (words[j] === '-f' || words[j] === '--file') files.push(words[j + 1]);
    if (words[j] === '--project-directory') projectDirectory = words[j + 1];
  }
  const verbs = Object.keys(COMPOSE).filter((v) => v && !COMPOSE[v].hidden);
  if (!scanTop.positionals.length) return req.current.startsWith('-') ? flagNames(top, req.current) : verbs;
  const verb = scanTop.positionals[0];
  const spec = COMPOSE[verb];
  if (!spec) return [];
  const after = words.slice(words.indexOf(verb) + 1);
  const scan = scanArgs(spec.flags, after, verb === 'run' || verb === 'exec');
  if (scan.valueFor) return [];
  if (req.current.startsWith('-') && !scan.stopped) return flagNames(spec.flags, req.current);
  if (verb === 'ls' || verb === 'version') return [];
  if ((verb === 'run' || verb === 'exec') && scan.positionals.length) return undefined;
  return composeServices(req.fs, req.env, { files, projectDirectory });
}
