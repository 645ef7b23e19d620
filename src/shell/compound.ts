/**
 * The compound commands: `{ }`, `( )`, if, while/until, for, case, `(( ))` and `[[ ]]`, each with
 * its redirections applied around it, and function definitions; a simple command goes on to
 * `simple.ts`.
 */
import type { Command, List, SimpleCommand } from './ast';
import { evalCond } from './test';
import { ExpandError } from './expand';
import { matchPattern } from './pattern';
import { applyRedirs, RedirError } from './redirect';
import { BreakLoop, ContinueLoop, Shell } from './shell';
import { inSubshell, runList } from './exec';
import { runSimple } from './simple';

export async function runCommand(sh: Shell, cmd: Command): Promise<number> {
  await sh.step();
  switch (cmd.type) {
    case 'simple':
      return runSimple(sh, cmd);
    case 'func':
      sh.funcs.set(cmd.name, cmd.body);
      return (sh.status = 0);
  }
  return withRedirs(sh, cmd.redirs, async () => {
    switch (cmd.type) {
      case 'group':
        return runList(sh, cmd.body);
      case 'subshell':
        return inSubshell(sh, new Map(sh.fds), (c) => runList(c, cmd.body), true);
      case 'if': {
        for (const cl of cmd.clauses) {
          if ((await cond(sh, cl.cond)) === 0) return runList(sh, cl.body);
        }
        return cmd.else ? runList(sh, cmd.else) : (sh.status = 0);
      }
      case 'while':
      case 'until':
        return runLoop(sh, cmd.body, async () => ((await cond(sh, cmd.cond)) === 0) === (cmd.type === 'while'));
      case 'for': {
        const items = cmd.items ? await sh.expander.words(cmd.items) : [...sh.positionalParams];
        let k = 0;
        return runLoop(sh, cmd.body, async () => {
          if (k >= items.length) return false;
          sh.setVar(cmd.name, items[k++]);
          return true;
        });
      }
      case 'case': {
        const w = await sh.expander.string(cmd.word);
        for (let i = 0; i < cmd.items.length; i++) {
          let matched = false;
          for (const p of cmd.items[i].patterns) if (matchPattern(await sh.expander.pattern(p), w)) matched = true;
          if (!matched) continue;
          let st = await runList(sh, cmd.items[i].body);
          // ;& runs the next body unconditionally; ;;& goes on testing the next patterns.
          while (cmd.items[i].fallthrough === ';&' && i + 1 < cmd.items.length) st = await runList(sh, cmd.items[++i].body);
          if (cmd.items[i].fallthrough !== ';;&') return st;
        }
        return (sh.status = 0);
      }
      case 'arithcmd':
        return (sh.status = (await sh.expander.arith(cmd.expr)) !== 0 ? 0 : 1);
      case 'cond':
        return (sh.status = (await evalCond(sh, cmd.expr)) ? 0 : 1);
    }
  });
}

async function cond(sh: Shell, list: List): Promise<number> {
  sh.noErrexit++;
  try {
    return await runList(sh, list);
  } finally {
    sh.noErrexit--;
  }
}

/** A while/until/for loop: the body runs while `more()` says so; break and continue count this level. */
async function runLoop(sh: Shell, body: List, more: () => Promise<boolean>): Promise<number> {
  let st = 0;
  sh.loopDepth++;
  try {
    while (await more()) {
      const r = await loopBody(sh, body);
      st = r.status;
      if (r.brk) break;
    }
  } finally {
    sh.loopDepth--;
  }
  return (sh.status = st);
}

async function loopBody(sh: Shell, body: List): Promise<{ status: number; brk: boolean }> {
  try {
    return { status: await runList(sh, body), brk: false };
  } catch (e) {
    if (e instanceof BreakLoop) {
      if (--e.n > 0) throw e;
      return { status: 0, brk: true };
    }
    if (e instanceof ContinueLoop) {
      if (--e.n > 0) throw e;
      return { status: 0, brk: false };
    }
    throw e;
  }
}

/** Run fn with redirections applied, then put the descriptor table back. */
export async function withRedirs(sh: Shell, redirs: SimpleCommand['redirs'], fn: () => Promise<number>): Promise<number> {
  if (!redirs.length) return fn();
  const saved = sh.fds;
  try {
    sh.fds = await applyRedirs(sh, redirs, new Map(saved));
  } catch (e) {
    if (e instanceof RedirError || e instanceof ExpandError) {
      await sh.error(e.message);
      return (sh.status = 1);
    }
    throw e;
  }
  try {
    return await fn();
  } finally {
    sh.fds = saved;
  }
}
