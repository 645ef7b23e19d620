/**
 * `dpkg` (the queries learners use: -l, -L, -s) and `rpm -qa`/`-q`, reading the databases the
 * package managers here write. Installing .deb/.rpm files directly is left out.
 */
import type { Program } from '../../process/types';
import { fileList, installed } from './db';

export const dpkg: Program = async (ctx) => {
  const [op, ...names] = ctx.argv.slice(1);
  const have = installed(ctx, 'deb');
  const notInstalled = (n: string) => ctx.stderr.write(`dpkg-query: package '${n}' is not installed${op === '-L' ? '\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.' : ' and no information is available'}\n`);
  if (op === '-l' || op === '--list') {
    const rows = [...have].filter(([n]) => !names.length || names.some((g) => new RegExp(`^${g.replace(/[.+]/g, '\\$&').replace(/\*/g, '.*')}$`).test(n))).sort(([a], [b]) => (a < b ? -1 : 1));
    if (!rows.length) {
      await ctx.stderr.write(`dpkg-query: no packages found matching ${names.join(' ')}\n`);
      return 1;
    }
    const wn = Math.max(14, ...rows.map(([n]) => n.length));
    const wv = Math.max(12, ...rows.map(([, i]) => i.version.length));
    const wd = Math.max(20, 80 - (4 + wn + 1 + wv + 1 + 12 + 1));
    let out = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n';
    out += `||/ ${'Name'.padEnd(wn)} ${'Version'.padEnd(wv)} ${'Architecture'} Description\n`;
    out += `+++-${'='.repeat(wn)}-${'='.repeat(wv)}-${'='.repeat(12)}-${'='.repeat(wd)}\n`;
    // The first letter is the selection: h for a package on hold (apt-mark hold).
    for (const [n, i] of rows) out += `${i.hold ? 'h' : 'i'}i  ${n.padEnd(wn)} ${i.version.padEnd(wv)} ${'amd64'.padEnd(12)} ${i.desc.slice(0, wd)}\n`;
    await ctx.stdout.write(out);
    return 0;
  }
  if (op === '-L' || op === '--listfiles' || op === '-s' || op === '--status') {
    let status = 0;
    for (const n of names) {
      const i = have.get(n);
      if (!i) {
        await notInstalled(n);
        status = 1;
        continue;
      }
      if (op === '-L' || op === '--listfiles') {
        const files = fileList(ctx, 'deb', n);
        await ctx.stdout.write((files.length ? files : ['/.']).join('\n') + '\n');
      } else {
        await ctx.stdout.write(`Package: ${n}\nStatus: ${i.hold ? 'hold' : 'install'} ok installed\nPriority: optional\nInstalled-Size: ${i.kb}\nArchitecture: amd64\nVersion: ${i.version}\nDescription: ${i.desc}\n`);
      }
    }
    return status;
  }
  if (op === undefined) {
    await ctx.stderr.write("dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n");
    return 2;
  }
  await ctx.stderr.write(`dpkg: the simulator supports dpkg -l, -L and -s; use apt-get to install packages\n`);
  return 2;
};

export const rpm: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const have = installed(ctx, 'rpm');
  const full = (n: string) => `${n}-${have.get(n)!.version.replace(/^\d+:/, '')}.x86_64`;
  if (args[0] === '-qa') {
    await ctx.stdout.write([...have.keys()].map((n) => full(n) + '\n').join(''));
    return 0;
  }
  if (args[0] === '-q' || args[0] === '-ql') {
    let status = 0;
    for (const n of args.slice(1)) {
      if (!have.has(n)) {
        await ctx.stdout.write(`package ${n} is not installed\n`);
        status = 1;
      } else await ctx.stdout.write(args[0] === '-q' ? full(n) + '\n' : fileList(ctx, 'rpm', n).filter((f) => f !== '/.').join('\n') + '\n');
    }
    return status;
  }
  await ctx.stderr.write('rpm: the simulator supports rpm -qa, -q and -ql; use yum to install packages\n');
  return 1;
};
