import { describe, expect, it } from 'vitest';
import { parseArgs, UTIL_LINUX } from './opts';

describe('parseArgs', () => {
  it('stops at the first --help, as getopt hands options over in order', () => {
    const r = parseArgs('ls', ['--help', '-z'], { short: 'l' });
    expect(r.ok && r.p.help).toBe(true);
    expect(parseArgs('ls', ['-z', '--help'], { short: 'l' })).toEqual({ ok: false, message: "ls: invalid option -- 'z'" });
  });

  it("reads util-linux's -h and -V as help and version", () => {
    const spec = { short: 'mu', helpLetters: true, stopAtOperand: true };
    const help = parseArgs('unshare', ['-mh', '-x'], spec, UTIL_LINUX);
    expect(help.ok && help.p.help).toBe(true);
    const version = parseArgs('unshare', ['-V'], spec, UTIL_LINUX);
    expect(version.ok && version.p.version).toBe(true);
    expect(UTIL_LINUX.version('unshare')).toBe('unshare from util-linux 2.39.3\n');
    const plain = parseArgs('ls', ['-h'], { short: 'l' });
    expect(plain).toEqual({ ok: false, message: "ls: invalid option -- 'h'" });
  });

  it('stops at the first operand when asked, leaving the command to run', () => {
    const r = parseArgs('unshare', ['-u', 'hostname', '-x'], { short: 'u', stopAtOperand: true });
    expect(r.ok && [r.p.order, r.p.operands]).toEqual([[['u', '']], ['hostname', '-x']]);
  });
});
