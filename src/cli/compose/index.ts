/**
 * `docker compose …` and `docker-compose …`: the Compose v2 CLI plugin's command line
 * (cmd/compose/compose.go). Project flags come before the verb (cobra's TraverseChildren), each
 * verb has its own flags (taken from compose v2.40.3's reference docs, `verbs.json`); errors are
 * printed as the plugin prints them (the message alone) with exit status 1.
 */
import type { DaemonApi } from '../../api/daemon';
import { DaemonError } from '../../api/errors';
import { helpText, type Node } from '../framework/help';
import { FlagError, parseFlags } from '../framework/parse';
import type { CliIo, CommandSpec, FlagSpec } from '../framework/types';
import { ComposeCtx, ComposeError, type ComposeIo, type VerbHandler } from './context';
import { list, str } from './flags';
import VERBS from './verbs.json';
import { VERB_HANDLERS } from './verbs';

interface VerbDoc { use: string; short: string; flags: FlagSpec[] }
const DOCS = VERBS as Record<string, VerbDoc>;

/** Verbs compose has that the simulator does not model (watch, publish, bridge, …). */
const UNSIMULATED = ['attach', 'commit', 'events', 'export', 'publish', 'scale', 'stats', 'volumes', 'watch'];

function composeTree(): { root: Node; verbs: Map<string, Node> } {
  const docker: Node = { spec: { name: 'docker', use: 'docker', short: '', flags: [] }, children: [] };
  const rootDoc = DOCS['']!;
  const root: Node = { spec: { name: 'compose', use: 'compose [OPTIONS] COMMAND', short: 'Define and run multi-container applications with Docker', flags: rootDoc.flags }, parent: docker, children: [] };
  const verbs = new Map<string, Node>();
  for (const [name, doc] of Object.entries(DOCS)) {
    if (!name) continue;
    const spec: CommandSpec = { name, use: doc.use.replace(/^docker compose /, ''), short: doc.short.trim(), flags: doc.flags };
    const n: Node = { spec, parent: root, children: [] };
    verbs.set(name, n);
    root.children.push(n);
  }
  return { root, verbs };
}

/** `docker compose …` (argv after `compose`). `standalone` is the `docker-compose` binary. */
export async function runCompose(argv: string[], io: CliIo, daemon: DaemonApi, standalone = false): Promise<number> {
  const { root, verbs } = composeTree();
  const cols = io.columns ?? 80;
  if (standalone) argv = argv.map((a) => (a === '--version' || a === '-v' ? 'version' : a));
  let g;
  try {
    g = parseFlags(argv, root.spec.flags, false);
  } catch (e) {
    if (e instanceof FlagError) {
      await io.stderr.write(e.message + '\n');
      return 1;
    }
    throw e;
  }
  if (g.flags.version === true) g.args.unshift('version');
  if (!g.args.length) {
    await io.stdout.write(helpText(root, cols));
    return 0;
  }
  const [verb, ...rest] = g.args as [string, ...string[]];
  const node = verbs.get(verb);
  if (!node) {
    await io.stdout.write(helpText(root, cols));
    await io.stderr.write(`unknown docker command: "compose ${verb}"\n`);
    return 1;
  }
  let p;
  try {
    p = parseFlags(rest, node.spec.flags, verb !== 'run' && verb !== 'exec');
  } catch (e) {
    if (e instanceof FlagError) {
      await io.stderr.write(e.message + '\n');
      return 1;
    }
    throw e;
  }
  if (p.help || g.help) {
    await io.stdout.write(helpText(g.help && !p.help ? root : node, cols));
    return 0;
  }
  const handler: VerbHandler | undefined = VERB_HANDLERS[verb];
  if (!handler || UNSIMULATED.includes(verb)) {
    await io.stderr.write(`docker compose ${verb}: not simulated yet\n`);
    return 1;
  }
  const ctx = new ComposeCtx(io as ComposeIo, daemon, {
    files: list(g.flags, 'file'),
    projectName: str(g.flags, 'project-name'),
    projectDirectory: str(g.flags, 'project-directory') || str(g.flags, 'workdir'),
    envFiles: list(g.flags, 'env-file'),
    profiles: list(g.flags, 'profile'),
  }, str(g.flags, 'progress'));
  const progress = str(g.flags, 'progress');
  if (progress && !['auto', 'tty', 'plain', 'json', 'quiet'].includes(progress)) {
    await io.stderr.write(`unsupported --progress value "${progress}"\n`);
    return 1;
  }
  try {
    return await handler(ctx, p.args, p.flags, p.changed);
  } catch (e) {
    if (e instanceof ComposeError) {
      if (e.message) await io.stderr.write(e.message + '\n');
      return e.status;
    }
    // A daemon refusal no verb words itself (`pause` of a paused container …): compose returns
    // the API client's error, and the CLI plugin prints it and exits 1.
    if (e instanceof DaemonError) {
      await io.stderr.write(`Error response from daemon: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
