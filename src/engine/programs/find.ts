/**
 * find (GNU findutils): starting points, then an expression of tests (-name -iname -path -type
 * -size -empty -newer -user -perm -mtime), actions (-print -print0 -delete -exec … \; and {} +,
 * -prune) and operators (! -not -a -and -o -or, parentheses), and the options -maxdepth/-mindepth.
 * Without an action, -print is implied. Entries are visited in directory order, parents first.
 */
import type { ProgramContext } from '../process/types';
import type { Stat } from '../../api/fs';
import { Io, Users, errText, joinPath } from './lib/io';
import { runCommand } from './lib/spawn';

type Node =
  | { t: 'and' | 'or'; a: Node; b: Node }
  | { t: 'not'; a: Node }
  | { t: 'test'; f: (e: Ent) => boolean }
  | { t: 'exec'; cmd: string[]; plus: boolean }
  | { t: 'act'; f: (e: Ent) => Promise<boolean> };

interface Ent {
  path: string;
  name: string;
  st: Stat;
  depth: number;
}

class FindError extends Error {}

function globToRe(g: string, flags = ''): RegExp {
  let s = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') s += '.*';
    else if (c === '?') s += '.';
    else if (c === '[') {
      const j = g.indexOf(']', i + 2);
      if (j < 0) s += '\\[';
      else {
        s += '[' + g.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = j;
      }
    } else if (c === '\\' && i + 1 < g.length) s += '\\' + g[++i];
    else s += c.replace(/[.+^${}()|/\\]/g, '\\$&');
  }
  return new RegExp('^' + s + '$', 's' + flags);
}

export async function find(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'find');
  const args = ctx.argv.slice(1);
  const starts: string[] = [];
  while (args.length && !args[0].startsWith('-') && args[0] !== '!' && args[0] !== '(') starts.push(args.shift()!);
  if (!starts.length) starts.push('.');
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  const users = new Users(ctx.fs);
  const pending: { cmd: string[]; paths: string[] }[] = [];
  let status = 0;
  let pruned = false;
  let depthFirst = false;
  const now = ctx.sys.clock.now();

  let i = 0;
  const need = (opt: string) => {
    if (i >= args.length) throw new FindError(`missing argument to '${opt}'`);
    return args[i++];
  };
  const num = (s: string, unit: number, f: (v: number) => number) => {
    const m = /^([+-]?)(\d+)$/.exec(s);
    if (!m) throw new FindError(`invalid argument '${s}'`);
    const n = Number(m[2]);
    return (e: Ent) => {
      const v = f(e.st.size) / unit;
      return m[1] === '+' ? v > n : m[1] === '-' ? v < n : Math.ceil(v) === n;
    };
  };
  const primary = (): Node => {
    const a = args[i++];
    switch (a) {
      case '!': case '-not': return { t: 'not', a: primary() };
      case '(': {
        const n = orExpr();
        if (args[i++] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return n;
      }
      case '-name': case '-iname': {
        const re = globToRe(need(a), a === '-iname' ? 'i' : '');
        return { t: 'test', f: (e) => re.test(e.name) };
      }
      case '-path': case '-wholename': case '-ipath': {
        const re = globToRe(need(a), a === '-ipath' ? 'i' : '');
        return { t: 'test', f: (e) => re.test(e.path) };
      }
      case '-type': {
        const v = need(a);
        const kinds: Record<string, string> = { f: 'file', d: 'dir', l: 'symlink', c: 'chardev', p: 'fifo', s: 'socket', b: 'block' };
        const want = v.split(',').map((c) => {
          if (!kinds[c]) throw new FindError(`Unknown argument to -type: ${c}`);
          return kinds[c];
        });
        return { t: 'test', f: (e) => want.includes(e.st.kind) };
      }
      case '-maxdepth': case '-mindepth': {
        const v = need(a);
        if (!/^\d+$/.test(v)) throw new FindError(`Expected a positive decimal integer argument to ${a}, but got '${v}'`);
        if (a === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        return { t: 'test', f: () => true };
      }
      case '-size': {
        const v = need(a);
        const m = /^([+-]?\d+)([bcwkMG]?)$/.exec(v);
        if (!m) throw new FindError(`invalid -size type '${v}'`);
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824 }[m[2]]!;
        return { t: 'test', f: num(m[1], unit, (s) => s) };
      }
      case '-empty': return { t: 'test', f: (e) => (e.st.kind === 'dir' ? ctx.fs.readdir(e.path).length === 0 : e.st.kind === 'file' && e.st.size === 0) };
      case '-newer': {
        const ref = need(a);
        let t: number;
        try {
          t = ctx.fs.stat(ref).mtime;
        } catch (e) {
          throw new FindError(`'${ref}': ${errText(e)}`);
        }
        return { t: 'test', f: (e) => e.st.mtime > t };
      }
      case '-mtime': case '-mmin': {
        const v = need(a);
        const unit = a === '-mtime' ? 86400000 : 60000;
        const m = /^([+-]?)(\d+)$/.exec(v);
        if (!m) throw new FindError(`invalid argument '${v}' to '${a}'`);
        const n = Number(m[2]);
        return { t: 'test', f: (e) => { const age = Math.floor((now - e.st.mtime) / unit); return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n; } };
      }
      case '-user': case '-group': {
        const v = need(a);
        const id = a === '-user' ? (users.user(v)?.id ?? (/^\d+$/.test(v) ? Number(v) : undefined)) : (users.groupByName(v)?.id ?? (/^\d+$/.test(v) ? Number(v) : undefined));
        if (id === undefined) throw new FindError(`'${v}' is not the name of a known ${a === '-user' ? 'user' : 'group'}`);
        return { t: 'test', f: (e) => (a === '-user' ? e.st.uid : e.st.gid) === id };
      }
      case '-perm': {
        const v = need(a);
        const m = /^([-/]?)([0-7]+)$/.exec(v);
        if (!m) throw new FindError(`invalid mode '${v}'`);
        const bits = parseInt(m[2], 8);
        return { t: 'test', f: (e) => (m[1] === '-' ? (e.st.mode & bits) === bits : m[1] === '/' ? (e.st.mode & bits) !== 0 || bits === 0 : (e.st.mode & 0o7777) === bits) };
      }
      case '-true': return { t: 'test', f: () => true };
      case '-false': return { t: 'test', f: () => false };
      case '-prune': return { t: 'test', f: (e) => ((pruned = e.st.kind === 'dir'), true) };
      case '-print': case '-print0': case '-ls': {
        hasAction = true;
        const end = a === '-print0' ? '\0' : '\n';
        return { t: 'act', f: async (e) => (await io.out(e.path + end), true) };
      }
      case '-depth': depthFirst = true; return { t: 'test', f: () => true };
      case '-delete': {
        // -delete implies -depth: children go before their directory.
        hasAction = true;
        depthFirst = true;
        return {
          t: 'act',
          f: async (e) => {
            try {
              if (e.st.kind === 'dir') ctx.fs.rmdir(e.path);
              else ctx.fs.unlink(e.path);
              return true;
            } catch (err) {
              await io.err(`cannot delete '${e.path}': ${errText(err)}`);
              status = 1;
              return false;
            }
          },
        };
      }
      case '-exec': case '-ok': {
        hasAction = true;
        const cmd: string[] = [];
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && cmd[cmd.length - 1] === '{}')) cmd.push(args[i++]);
        if (i >= args.length || cmd.length === 0) throw new FindError(`missing argument to '${a}'`);
        const plus = args[i++] === '+';
        return { t: 'exec', cmd, plus };
      }
      default:
        if (a === undefined) throw new FindError('expected an expression');
        if (a.startsWith('-')) throw new FindError(`unknown predicate '${a}'`);
        throw new FindError(`paths must precede expression: '${a}'`);
    }
  };
  const andExpr = (): Node => {
    let n = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')' && args[i] !== ',') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      n = { t: 'and', a: n, b: primary() };
    }
    return n;
  };
  const orExpr = (): Node => {
    let n = andExpr();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      n = { t: 'or', a: n, b: andExpr() };
    }
    return n;
  };
  let expr: Node;
  try {
    expr = args.length ? orExpr() : { t: 'test', f: () => true };
    if (i < args.length) throw new FindError(`paths must precede expression: '${args[i]}'`);
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    await io.err(e.message);
    return 1;
  }
  if (!hasAction) expr = { t: 'and', a: expr, b: { t: 'act', f: async (e) => (await io.out(e.path + '\n'), true) } };

  const execOne = async (cmd: string[]): Promise<boolean> => {
    const r = await runCommand(ctx, cmd);
    if ('error' in r) {
      await io.err(`'${cmd[0]}': ${r.message}`);
      status = 1;
      return false;
    }
    return r.status === 0;
  };
  const evalNode = async (n: Node, e: Ent): Promise<boolean> => {
    switch (n.t) {
      case 'and': return (await evalNode(n.a, e)) && evalNode(n.b, e);
      case 'or': return (await evalNode(n.a, e)) || evalNode(n.b, e);
      case 'not': return !(await evalNode(n.a, e));
      case 'test': return n.f(e);
      case 'act': return n.f(e);
      case 'exec': {
        if (n.plus) {
          let b = pending.find((x) => x.cmd === n.cmd);
          if (!b) pending.push((b = { cmd: n.cmd, paths: [] }));
          b.paths.push(e.path);
          return true;
        }
        return execOne(n.cmd.map((a) => a.split('{}').join(e.path)));
      }
    }
  };
  const visit = async (path: string, name: string, depth: number, top: boolean): Promise<void> => {
    if (ctx.signal.aborted) return;
    let st: Stat;
    try {
      st = top ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    } catch (e) {
      await io.err(`'${path}': ${errText(e)}`);
      status = 1;
      return;
    }
    pruned = false;
    const ent = { path, name, st, depth };
    if (depth >= minDepth && !depthFirst) await evalNode(expr, ent);
    if (st.kind !== 'dir' || depth >= maxDepth || pruned) {
      if (depth >= minDepth && depthFirst) await evalNode(expr, ent);
      return;
    }
    let names: string[];
    try {
      names = ctx.fs.readdir(path);
    } catch (e) {
      await io.err(`'${path}': ${errText(e)}`);
      status = 1;
      return;
    }
    for (const n of names) await visit(joinPath(path, n), n, depth + 1, false);
    if (names.length > 50) await io.tick();
    if (depth >= minDepth && depthFirst) await evalNode(expr, ent);
  };
  for (const s of starts) await visit(s, s.replace(/\/+$/, '').split('/').pop() || s, 0, true);
  for (const b of pending) {
    const at = b.cmd.indexOf('{}');
    await execOne([...b.cmd.slice(0, at), ...b.paths, ...b.cmd.slice(at + 1)]);
  }
  return status;
}
