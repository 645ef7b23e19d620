/**
 * Word expansion in POSIX order: tilde, parameter, command substitution and arithmetic (left to
 * right), then field splitting of unquoted expansion results on IFS, then pathname expansion, then
 * quote removal. Quoting is tracked per fragment so that each later stage knows which characters
 * came from quotes.
 */
import type { List, Word, WordPart } from './ast';
import { ArithError, evalArith } from './arith';
import { hasGlob, matchPattern, patternToRegExp, removeAffix, replacePattern, unescapePattern } from './pattern';
import type { Fs } from '../api/fs';
import { pushAll } from '../lib/arrays';

/** A failed expansion: the message bash prints after `bash: ` (the shell adds its prefix). */
export class ExpandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpandError';
  }
}

export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $1…: the positional parameters (without $0). */
  positional(): string[];
  /** `$?`, `$$`, `$!`, `$-`, `$0`. */
  special(name: '?' | '$' | '!' | '-' | '0'): string;
  commandSubst(body: List): Promise<string>;
  /** Let other work in (the process's tick): a huge expansion must not freeze the page. */
  pause?(): Promise<void>;
  readonly fs: Fs;
  readonly nounset: boolean;
  readonly noglob: boolean;
}

type Frag = { text: string; quoted: boolean; split: boolean } | { brk: true };

const GLOB_CHARS = /[\\*?[\]]/g;
/** A literal that expands to itself: no escape, glob character or leading tilde. */
const PLAIN = /^[^\\*?[~][^\\*?[]*$/;

export class Expander {
  constructor(private readonly h: ExpandHost) {}

  /** Full expansion of command words into fields. */
  async words(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) pushAll(out, await this.fields(w));
    return out;
  }

  async fields(w: Word): Promise<string[]> {
    // A plain word (`:`, `echo`, `-c`) is itself: no expansion, splitting, glob or escape to undo.
    // Busy loops are mostly such words, and in virtual time their cost is what a simulated second
    // of a background `while :; do :; done` costs in real time.
    if (w.parts.length === 1 && w.parts[0].type === 'lit' && PLAIN.test(w.parts[0].text)) return [w.parts[0].text];
    const frags = await this.parts(this.tilde(w.parts), false, false);
    const fields = this.split(frags);
    const out: string[] = [];
    let n = 0;
    for (const f of fields) {
      if (++n % 8192 === 0) await this.h.pause?.();
      if (!this.h.noglob && hasGlob(f)) {
        const m = this.glob(f);
        if (m.length) {
          pushAll(out, m);
          continue;
        }
      }
      out.push(unescapePattern(f));
    }
    return out;
  }

  /** Expansion without field splitting or globbing (assignments, redirection targets, `case` words). */
  async string(w: Word, tilde: 'word' | 'assign' | 'none' = 'word'): Promise<string> {
    const parts = tilde === 'none' ? w.parts : this.tilde(w.parts, tilde === 'assign');
    const frags = await this.parts(parts, false, false);
    return frags.map((f) => ('brk' in f ? ' ' : f.text)).join('');
  }

  /** Expansion to a pattern: quoted characters are backslash-escaped so they match literally. */
  async pattern(w: Word): Promise<string> {
    const frags = await this.parts(this.tilde(w.parts), false, false);
    return frags.map((f) => ('brk' in f ? ' ' : f.quoted ? f.text.replace(GLOB_CHARS, '\\$&') : f.text)).join('');
  }

  async arith(w: Word): Promise<number> {
    const text = await this.string(w, 'none');
    try {
      return evalArith(text, { get: (n) => this.h.getVar(n), set: (n, v) => this.h.setVar(n, v) });
    } catch (e) {
      if (e instanceof ArithError) throw new ExpandError(`${text.trim()}: ${e.message}${e.token !== '' ? ` (error token is "${e.token}")` : ''}`);
      throw e;
    }
  }

  private tilde(parts: WordPart[], assign = false): WordPart[] {
    const first = parts[0];
    if (!first || first.type !== 'lit' || !first.text.startsWith('~')) return parts;
    const slash = first.text.indexOf('/');
    const end = slash < 0 ? first.text.length : slash;
    if (slash < 0 && parts.length > 1) return parts;
    const user = first.text.slice(1, end);
    let home: string | undefined;
    if (user === '') home = this.h.getVar('HOME');
    else if (user === '+') home = this.h.getVar('PWD');
    else if (user === '-') home = this.h.getVar('OLDPWD');
    else home = this.userHome(user);
    void assign;
    if (home === undefined) return parts;
    return [{ type: 'sq', text: home }, { type: 'lit', text: first.text.slice(end) }, ...parts.slice(1)];
  }

  private userHome(user: string): string | undefined {
    try {
      for (const line of this.h.fs.readText('/etc/passwd').split('\n')) {
        const f = line.split(':');
        if (f[0] === user && f.length >= 6) return f[5];
      }
    } catch {
      /* no passwd file: leave ~user as written, like bash */
    }
    return undefined;
  }

  private async parts(parts: WordPart[], quoted: boolean, litSplit: boolean): Promise<Frag[]> {
    const out: Frag[] = [];
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          out.push({ text: p.text, quoted, split: litSplit && !quoted });
          break;
        case 'sq':
          out.push({ text: p.text, quoted: true, split: false });
          break;
        case 'tilde':
          out.push({ text: this.h.getVar('HOME') ?? '~', quoted: true, split: false });
          break;
        case 'dq': {
          const inner = await this.parts(p.parts, true, false);
          // "" is an (empty) word of its own; "$@" with no parameters is nothing at all.
          const onlyAt = p.parts.length === 1 && p.parts[0].type === 'param' && p.parts[0].name === '@' && !p.parts[0].op;
          if (!inner.length && !onlyAt) out.push({ text: '', quoted: true, split: false });
          pushAll(out, inner);
          break;
        }
        case 'cmdsub': {
          const s = (await this.h.commandSubst(p.body)).replace(/\n+$/, '');
          out.push({ text: s, quoted, split: !quoted });
          break;
        }
        case 'arith':
          out.push({ text: String(await this.arith(p.expr)), quoted, split: !quoted });
          break;
        case 'param':
          pushAll(out, await this.param(p, quoted));
          break;
      }
    }
    return out;
  }

  private value(name: string): string | undefined {
    if (/^\d+$/.test(name)) {
      if (name === '0') return this.h.special('0');
      return this.h.positional()[Number(name) - 1];
    }
    switch (name) {
      case '?': case '$': case '!': case '-':
        return this.h.special(name);
      case '#':
        return String(this.h.positional().length);
      case '@': case '*': {
        const p = this.h.positional();
        return p.length ? p.join(this.ifs().slice(0, 1) || (this.h.getVar('IFS') === '' ? '' : ' ')) : undefined;
      }
    }
    return this.h.getVar(name);
  }

  private ifs(): string {
    const v = this.h.getVar('IFS');
    return v === undefined ? ' \t\n' : v;
  }

  private async param(p: Extract<WordPart, { type: 'param' }>, quoted: boolean): Promise<Frag[]> {
    const { name, op } = p;
    if (op === 'bad') throw new ExpandError(`${(p.arg!.parts[0] as { text: string }).text}: bad substitution`);
    const frag = (text: string): Frag[] => [{ text, quoted, split: !quoted }];
    if (p.length) {
      if (name === '@' || name === '*') return frag(String(this.h.positional().length));
      const v = this.value(name);
      if (v === undefined && this.h.nounset && name !== '@' && name !== '*') throw new ExpandError(`${name}: unbound variable`);
      return frag(String([...(v ?? '')].length));
    }
    const v = this.value(name);
    const isSet = v !== undefined;
    const nonEmpty = isSet && v !== '';
    if (!op) {
      if (!isSet && this.h.nounset && name !== '@' && name !== '*') throw new ExpandError(`${name}: unbound variable`);
      if (name === '@' || (name === '*' && !quoted)) {
        const out: Frag[] = [];
        this.h.positional().forEach((a, i) => {
          if (i) out.push({ brk: true });
          out.push({ text: a, quoted, split: !quoted });
        });
        return out;
      }
      return frag(v ?? '');
    }
    const argFrags = () => this.parts(p.arg?.parts ?? [], quoted, !quoted);
    switch (op) {
      case '-': case ':-':
        return (op === '-' ? isSet : nonEmpty) ? this.param({ type: 'param', name }, quoted) : argFrags();
      case '+': case ':+':
        return (op === '+' ? isSet : nonEmpty) ? argFrags() : [];
      case '=': case ':=': {
        if ((op === '=' ? isSet : nonEmpty)) return frag(v!);
        if (!/^[A-Za-z_]/.test(name)) throw new ExpandError(`$${name}: cannot assign in this way`);
        const nv = await this.string(p.arg ?? { parts: [] }, 'none');
        this.h.setVar(name, nv);
        return frag(nv);
      }
      case '?': case ':?': {
        if ((op === '?' ? isSet : nonEmpty)) return frag(v!);
        const msg = p.arg && p.arg.parts.length ? await this.string(p.arg) : op === '?' ? 'parameter not set' : 'parameter null or not set';
        throw new ExpandError(`${name}: ${msg}`);
      }
    }
    if (!isSet && this.h.nounset) throw new ExpandError(`${name}: unbound variable`);
    const val = v ?? '';
    switch (op) {
      case '#': case '##': case '%': case '%%':
        return frag(removeAffix(val, await this.pattern(p.arg!), op));
      case '/': case '//': case '/#': case '/%':
        return frag(replacePattern(val, await this.pattern(p.arg!), await this.string(p.repl ?? { parts: [] }, 'none'), op));
      case '^^': return frag(val.toUpperCase());
      case ',,': return frag(val.toLowerCase());
      case '^': return frag(val.charAt(0).toUpperCase() + val.slice(1));
      case ',': return frag(val.charAt(0).toLowerCase() + val.slice(1));
      case ':': {
        const chars = [...val];
        let off = await this.arith(p.arg!);
        if (off < 0) off = Math.max(0, chars.length + off);
        let len = p.repl ? await this.arith(p.repl) : chars.length - off;
        if (len < 0) len = Math.max(0, chars.length + len - off);
        return frag(chars.slice(off, off + len).join(''));
      }
    }
    throw new ExpandError(`\${${name}${op}}: bad substitution`);
  }

  /** Field splitting: only fragments from unquoted expansions are split, on IFS. Returns patterns. */
  private split(frags: Frag[]): string[] {
    const ifs = this.ifs();
    const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n';
    const fields: string[] = [];
    let cur = '';
    let content = false;
    let afterWs = false;
    const finish = (force = false) => {
      if (content || force) fields.push(cur);
      cur = '';
      content = false;
    };
    for (const f of frags) {
      if ('brk' in f) {
        finish(true);
        afterWs = false;
        continue;
      }
      if (!f.split || !ifs) {
        cur += f.quoted ? f.text.replace(GLOB_CHARS, '\\$&') : f.text;
        if (f.text || f.quoted) content = true;
        afterWs = false;
        continue;
      }
      for (const c of f.text) {
        if (ifs.includes(c)) {
          if (isWs(c)) {
            if (content) {
              finish();
              afterWs = true;
            }
          } else {
            if (content || !afterWs) finish(true);
            afterWs = false;
          }
        } else {
          cur += c === '\\' ? '\\\\' : c;
          content = true;
          afterWs = false;
        }
      }
    }
    finish();
    return fields;
  }

  /** Pathname expansion, sorted; dotfiles only match a pattern component starting with a dot. */
  glob(pattern: string): string[] {
    const fs = this.h.fs;
    const abs = pattern.startsWith('/');
    const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0);
    let paths: string[] = [abs ? '/' : ''];
    for (let i = abs ? 1 : 0; i < comps.length; i++) {
      const comp = comps[i];
      const last = i === comps.length - 1;
      const next: string[] = [];
      for (const base of paths) {
        const dir = base === '' ? '.' : base;
        const join = (n: string) => (base === '' ? n : base.endsWith('/') ? base + n : base + '/' + n);
        if (!hasGlob(comp)) {
          const p = join(unescapePattern(comp));
          if (fs.exists(p)) next.push(p);
          continue;
        }
        let names: string[];
        try {
          names = fs.readdir(dir);
        } catch {
          continue;
        }
        const re = patternToRegExp(comp);
        const dot = unescapePattern(comp).startsWith('.');
        for (const n of names) {
          if (n.startsWith('.') && !dot) continue;
          if (!re.test(n)) continue;
          const p = join(n);
          if (!last) {
            try {
              if (fs.stat(p).kind !== 'dir') continue;
            } catch {
              continue;
            }
          }
          next.push(p);
        }
      }
      paths = next;
      if (!paths.length) break;
    }
    if (pattern.endsWith('/')) paths = paths.map((p) => p + '/');
    return paths.filter((p) => p !== '' && p !== '/').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

export { matchPattern };
