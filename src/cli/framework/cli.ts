/**
 * `docker …` entry point: global flags, command lookup, flag parsing, argument-count checks and
 * error printing with Docker 28.5's texts and exit codes (cli-errors.md §1).
 */
import type { DaemonApi } from '../../api/daemon';
import { TemplateError } from '../format/template-parse';
import { DaemonError } from '../../api/daemon';
import { buildTree, CLIENT_GIT_COMMIT, CLIENT_VERSION, findChild } from './root';
import { commandPath, helpText, useLine, type Node } from './help';
import { FlagError, parseFlags } from './parse';
import { CliError, type ArgsRule, type CliIo } from './types';
import { InvalidReference } from '../../lib/reference';

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** cli/required.go, including its `SRun` typo in RequiresMaxArgs. */
function checkArgs(n: Node, rule: ArgsRule | undefined, args: string[]): string | null {
  if (!rule) return null;
  const path = commandPath(n);
  const usage = `\n\nUsage:  ${useLine(n)}\n\n`;
  const c = args.length;
  switch (rule.kind) {
    case 'any': return null;
    case 'none':
      if (!c) return null;
      if (n.children.length) return `docker: unknown command: ${path} ${args[0]}${usage}Run '${path} --help' for more information`;
      return `docker: '${path}' accepts no arguments${usage}Run '${path} --help' for more information`;
    case 'min':
      return c >= rule.n ? null : `docker: '${path}' requires at least ${rule.n} ${plural(rule.n)}${usage}See '${path} --help' for more information`;
    case 'max':
      return c <= rule.n ? null : `docker: '${path}' requires at most ${rule.n} ${plural(rule.n)}${usage}SRun '${path} --help' for more information`;
    case 'exact':
      return c === rule.n ? null : `docker: '${path}' requires ${rule.n} ${plural(rule.n)}${usage}Run '${path} --help' for more information`;
    case 'range':
      return c >= rule.n && c <= rule.m ? null : `docker: '${path}' requires at least ${rule.n} and at most ${rule.m} ${plural(rule.m)}${usage}Run '${path} --help' for more information`;
  }
}

function flagError(n: Node, err: string): string {
  return `${err}\n\nUsage:  ${useLine(n)}\n\nRun '${commandPath(n)} --help' for more information`;
}

/** Run `docker <argv>`; returns the exit status. `daemon` is handed to handlers (see src/api/daemon.ts). */
export async function runDockerCli(argv: string[], io: CliIo, daemon: DaemonApi): Promise<number> {
  const home = io.env.HOME ?? '/root';
  const root = buildTree(home);
  const cols = io.columns ?? 80;
  const fail = async (msg: string, status: number) => {
    await io.stderr.write(msg + '\n');
    return status;
  };
  let g;
  try {
    g = parseFlags(argv, root.spec.flags, false);
  } catch (e) {
    if (e instanceof FlagError) return fail(flagError(root, e.message), 125);
    throw e;
  }
  if (g.help && !g.args.length) { await io.stdout.write(helpText(root, cols)); return 0; }
  if (g.flags.version) { await io.stdout.write(`Docker version ${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}\n`); return 0; }
  let rest = g.args;
  if (!rest.length) { await io.stderr.write(helpText(root, cols)); return 0; }
  // `docker help [command]`
  if (rest[0] === 'help') {
    let n: Node = root;
    for (const a of rest.slice(1)) {
      const c = findChild(n, a);
      if (!c) return fail(`unknown help topic: ${rest.slice(1).join(' ')}`, 1);
      n = c;
    }
    await io.stdout.write(helpText(n, cols));
    return 0;
  }
  const found = findChild(root, rest[0]!);
  if (!found || found.spec.hidden) return fail(`docker: unknown command: docker ${rest[0]}\n\nRun 'docker --help' for more information`, 1);
  let n: Node = found;
  rest = rest.slice(1);
  // descend into management commands; flags may come before the sub-command name
  while (n.children.length) {
    const firstPositional = rest.findIndex((a) => !a.startsWith('-'));
    const c: Node | undefined = firstPositional >= 0 ? findChild(n, rest[firstPositional]!) : undefined;
    if (!c) break;
    rest = [...rest.slice(0, firstPositional), ...rest.slice(firstPositional + 1)];
    n = c;
  }
  if (n.spec.rawArgs && n.spec.run) {
    return (await n.spec.run({ io, daemon, commandPath: commandPath(n), changed: new Set(), globals: g.flags, spec: n.spec }, rest, {})) ?? 0;
  }
  let p;
  try {
    p = parseFlags(rest, n.spec.flags, n.spec.interspersed !== false);
  } catch (e) {
    if (e instanceof FlagError) return fail(flagError(n, e.message), 125);
    throw e;
  }
  if (p.help) { await io.stdout.write(helpText(n, cols)); return 0; }
  const argErr = checkArgs(n, n.spec.args, p.args);
  if (argErr) return fail(argErr, 1);
  if (!n.spec.run) {
    // a management command without a sub-command prints its help
    await io.stderr.write(helpText(n, cols));
    return 0;
  }
  try {
    return (await n.spec.run({ io, daemon, commandPath: commandPath(n), changed: p.changed, globals: g.flags, spec: n.spec }, p.args, p.flags)) ?? 0;
  } catch (e) {
    if (e instanceof CliError) return fail(e.message, e.status);
    // An API error a command did not word itself, or a reference the daemon could not parse: the
    // CLI prints the daemon's answer and exits 1, as cobra does with a returned error.
    if (e instanceof DaemonError) return fail(`Error response from daemon: ${e.message}`, 1);
    if (e instanceof InvalidReference) return fail(`Error response from daemon: ${e.message}`, 1);
    // A --format that does not parse: docker-cli wraps text/template's error the same way in
    // every command (version and info name their template and exit 64).
    if (e instanceof TemplateError) {
      const named = n.spec.name === 'version' || n.spec.name === 'info';
      return fail(`template parsing error: ${named ? e.message.replace(/^template: :/, `template: ${n.spec.name}:`) : e.message}`, named ? 64 : 1);
    }
    throw e;
  }
}
