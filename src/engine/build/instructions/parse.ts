/**
 * `parseInstruction(node)`: a parse node → a typed instruction, as BuildKit's
 * instructions.ParseInstruction: the arguments checked (`USER requires exactly one argument`,
 * `COPY requires at least two arguments, but only one was provided. Destination could not be
 * determined`), the flags each instruction takes parsed (`bflags.ts`), `RUN --mount`s read, the
 * HEALTHCHECK durations converted. Errors are InstructionError; the builder words them as
 * `dockerfile parse error on line N: …`. The whole Dockerfile is parsed before any step runs.
 */
import type { Node } from '../dockerfile/ast';
import { INSTRUCTIONS, unknownInstruction, words } from '../dockerfile/parser';
import { chompHeredocContent, parseHeredoc } from '../dockerfile/heredoc';
import { parseRunMounts } from '../run-mounts';
import { BFlags } from './bflags';
import { parseGoDuration } from './duration';
import type { Command, FromCommand, HealthcheckCommand, Instruction, KeyValuePair, RunCommand, ShellDependentCmdLine, SourcesAndDest } from './types';

/** An instruction BuildKit refuses; `node` says where. */
export class InstructionError extends Error {
  constructor(message: string, readonly node: Node) {
    super(message);
  }
}

const atLeastOne = (cmd: string) => new Error(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string) => new Error(`${cmd} requires exactly one argument`);
const noDestination = (cmd: string) => new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
const blankNames = (cmd: string) => new Error(`${cmd} names can not be blank`);

export function parseInstruction(node: Node): Instruction {
  try {
    return parse(node);
  } catch (e) {
    if (e instanceof InstructionError) throw e;
    throw new InstructionError((e as Error).message, node);
  }
}

/** A command inside a stage (FROM begins a stage and is not one). */
export function parseCommand(node: Node): Command {
  const c = parseInstruction(node);
  if (c.kind === 'from') throw new InstructionError('FROM is not a command type', node);
  return c;
}

function parse(node: Node): Instruction {
  const args = words(node);
  const flags = new BFlags(node.flags);
  const json = !!node.attributes.json;
  const base = { node };
  switch (node.value) {
    case 'from': return parseFrom(node, args, flags);
    case 'env': case 'label': {
      flags.parse();
      const pairs = keyValues(args, node.value.toUpperCase());
      return node.value === 'env' ? { ...base, kind: 'env', env: pairs } : { ...base, kind: 'label', labels: pairs };
    }
    case 'maintainer':
      if (args.length !== 1) throw exactlyOne('MAINTAINER');
      flags.parse();
      return { ...base, kind: 'maintainer', maintainer: args[0] };
    case 'copy': case 'add': return parseCopyAdd(node, args, flags);
    case 'onbuild': {
      const inner = node.next?.children[0];
      if (!inner) throw atLeastOne('ONBUILD');
      flags.parse();
      const trigger = inner.value.toUpperCase();
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      return { ...base, kind: 'onbuild', expression: inner.original };
    }
    case 'workdir':
      if (args.length !== 1) throw exactlyOne('WORKDIR');
      flags.parse();
      return { ...base, kind: 'workdir', path: args[0] };
    case 'run': return parseRun(node, args, flags);
    case 'cmd': case 'entrypoint':
      flags.parse();
      return { ...base, kind: node.value, ...cmdLine(args, json) };
    case 'healthcheck': return parseHealthcheck(node, args, flags);
    case 'expose':
      if (args.length === 0) throw atLeastOne('EXPOSE');
      flags.parse();
      // Sorted before expansion, as BuildKit does (slices.Sort).
      return { ...base, kind: 'expose', ports: [...args].sort() };
    case 'user':
      if (args.length !== 1) throw exactlyOne('USER');
      flags.parse();
      return { ...base, kind: 'user', user: args[0] };
    case 'volume': {
      if (args.length === 0) throw atLeastOne('VOLUME');
      flags.parse();
      const volumes = args.map((v) => v.trim());
      if (volumes.some((v) => v === '')) throw new Error('VOLUME specified can not be an empty string');
      return { ...base, kind: 'volume', volumes };
    }
    case 'stopsignal':
      // BuildKit reads no flags for STOPSIGNAL.
      if (args.length !== 1) throw exactlyOne('STOPSIGNAL');
      return { ...base, kind: 'stopsignal', signal: args[0] };
    case 'arg':
      if (args.length === 0) throw atLeastOne('ARG');
      return {
        ...base,
        kind: 'arg',
        args: args.map((a) => {
          const eq = a.indexOf('=');
          if (eq < 0) return { key: a };
          if (eq === 0) throw blankNames('ARG');
          return { key: a.slice(0, eq), value: a.slice(eq + 1) };
        }),
      };
    case 'shell':
      flags.parse();
      if (json && args.length === 0) throw atLeastOne('SHELL');
      if (!json) throw new Error('SHELL requires the arguments to be in JSON form');
      return { ...base, kind: 'shell', shell: args };
  }
  if (!INSTRUCTIONS.includes(node.value)) throw new Error(unknownInstruction(node));
  throw new Error(`${node.value.toUpperCase()} is not a command type`);
}

function parseFrom(node: Node, args: string[], flags: BFlags): FromCommand {
  let name: string | undefined;
  if (args.length === 3 && args[1].toLowerCase() === 'as') {
    name = args[2].toLowerCase();
    if (!/^[a-z][a-z0-9-_.]*$/.test(name)) throw new Error(`invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
  } else if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
  const platform = flags.string('platform');
  flags.parse();
  return { node, kind: 'from', baseName: args[0], name, platform: platform.value };
}

/** Shell form is one command line (the words joined), exec form the JSON array. */
function cmdLine(args: string[], json: boolean): ShellDependentCmdLine {
  return { cmdLine: json ? args : [args.join(' ')], prependShell: !json };
}

/** ENV and LABEL: the parser gives key, value, delimiter triples (delimiter `""`: `key value`). */
function keyValues(args: string[], cmd: string): KeyValuePair[] {
  if (args.length === 0) throw atLeastOne(cmd);
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValuePair[] = [];
  for (let j = 0; j < args.length; j += 3) {
    if (args[j].length === 0) throw blankNames(cmd);
    out.push({ key: args[j], value: args[j + 1], noDelim: args[j + 2] === '' });
  }
  return out;
}

function parseRun(node: Node, args: string[], flags: BFlags): RunCommand {
  const mount = flags.strings('mount');
  const network = flags.string('network', 'default');
  const security = flags.string('security', 'sandbox');
  flags.parse();
  if (!['default', 'none', 'host'].includes(network.value)) throw new Error(`invalid network mode "${network.value}"`);
  if (!['sandbox', 'insecure'].includes(security.value)) throw new Error(`security "${security.value}" is not valid`);
  const mountFlags = mount.values.map((v) => `--mount=${v}`);
  return {
    node,
    kind: 'run',
    ...cmdLine(args, !!node.attributes.json),
    files: node.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
    mounts: parseRunMounts(mountFlags),
    mountFlags,
    network: network.value,
    security: security.value,
  };
}

function parseCopyAdd(node: Node, args: string[], flags: BFlags): Command {
  const cmd = node.value.toUpperCase();
  if (args.length < 2) throw noDestination(cmd);
  const chown = flags.string('chown');
  const chmod = flags.string('chmod');
  const link = flags.bool('link');
  const exclude = flags.strings('exclude');
  const common = (): Omit<SourcesAndDest, 'chown' | 'chmod' | 'link' | 'exclude'> => sourcesAndDest(node, args, cmd);
  if (node.value === 'copy') {
    const from = flags.string('from');
    const parents = flags.bool('parents');
    flags.parse();
    return { node, kind: 'copy', ...common(), chown: chown.value, chmod: chmod.value, link: link.value === 'true', exclude: exclude.values, from: from.value, parents: parents.value === 'true' };
  }
  const keepGitDir = flags.bool('keep-git-dir');
  const checksum = flags.string('checksum');
  const unpack = flags.bool('unpack');
  flags.parse();
  return {
    node,
    kind: 'add',
    ...common(),
    chown: chown.value,
    chmod: chmod.value,
    link: link.value === 'true',
    exclude: exclude.values,
    checksum: checksum.value,
    ...(flags.used.has('keep-git-dir') ? { keepGitDir: keepGitDir.value === 'true' } : {}),
    ...(flags.used.has('unpack') ? { unpack: unpack.value === 'true' } : {}),
  };
}

function sourcesAndDest(node: Node, args: string[], cmd: string): Omit<SourcesAndDest, 'chown' | 'chmod' | 'link' | 'exclude'> {
  const dest = args[args.length - 1];
  if (parseHeredoc(dest)) throw new Error(`${cmd} cannot accept a heredoc as a destination`);
  const docs = new Map(node.heredocs.map((h) => [h.name, h]));
  const sourcePaths: string[] = [];
  const sourceContents: SourcesAndDest['sourceContents'] = [];
  for (const src of args.slice(0, -1)) {
    const h = parseHeredoc(src);
    const doc = h ? docs.get(h.name) : undefined;
    if (doc) sourceContents.push({ path: doc.name, data: doc.chomp ? chompHeredocContent(doc.content) : doc.content, expand: doc.expand });
    else sourcePaths.push(src);
  }
  return { dest, sourcePaths, sourceContents };
}

function parseHealthcheck(node: Node, args: string[], flags: BFlags): HealthcheckCommand {
  if (args.length === 0) throw atLeastOne('HEALTHCHECK');
  const base = { node, kind: 'healthcheck' as const, interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  const typ = args[0].toUpperCase();
  const rest = args.slice(1);
  if (typ === 'NONE') {
    if (rest.length) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { ...base, test: ['NONE'] };
  }
  const interval = flags.string('interval');
  const timeout = flags.string('timeout');
  const startPeriod = flags.string('start-period');
  const startInterval = flags.string('start-interval');
  const retries = flags.string('retries');
  flags.parse();
  if (typ !== 'CMD') throw new Error(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
  const json = !!node.attributes.json;
  const line = cmdLine(rest, json).cmdLine;
  if (line.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  let tries = 0;
  if (retries.value !== '') {
    if (!/^[+-]?\d+$/.test(retries.value)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(retries.value)}: invalid syntax`);
    tries = Number(retries.value);
    if (tries < 0) throw new Error(`--retries cannot be negative (${tries})`);
  }
  return {
    ...base,
    test: [json ? 'CMD' : 'CMD-SHELL', ...line],
    interval: optInterval('interval', interval.value),
    timeout: optInterval('timeout', timeout.value),
    startPeriod: optInterval('start-period', startPeriod.value),
    startInterval: optInterval('start-interval', startInterval.value),
    retries: tries,
  };
}

/** parseOptInterval: 0 when not given; a non-zero duration under 1ms is refused. */
function optInterval(name: string, value: string): number {
  if (value === '') return 0;
  const d = parseGoDuration(value);
  if (d !== 0 && d < 1e6) throw new Error(`Interval ${JSON.stringify(name)} cannot be less than 1ms`);
  return d;
}
