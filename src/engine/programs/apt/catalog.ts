/**
 * A small Debian/Ubuntu package catalogue: what `apt-get install` can fetch, with versions, sizes
 * and the files each package really puts on disk (program files name the simulator's programs).
 */
export interface Package {
  name: string;
  version: string;
  /** Download size in bytes and installed size in kB, as apt reports them. */
  download: number;
  installedKb: number;
  depends: string[];
  section: string;
  /** path → program name (executables) or text (other files). */
  programs: Record<string, string>;
  files?: Record<string, string>;
}

const p = (name: string, version: string, download: number, installedKb: number, depends: string[], programs: Record<string, string>, files: Record<string, string> = {}, section = 'utils'): Package =>
  ({ name, version, download, installedKb, depends, programs, files, section });

export const CATALOG: Record<string, Package> = Object.fromEntries(
  [
    p('perl-base', '5.36.0-7+deb12u2', 1_609_000, 7_665, [], { '/usr/bin/perl': 'perl' }),
    p('perl-modules-5.36', '5.36.0-7+deb12u2', 2_815_000, 17_930, [], {}, { '/usr/share/perl/5.36/strict.pm': 'package strict;\n1;\n' }),
    p('libperl5.36', '5.36.0-7+deb12u2', 4_207_000, 28_100, ['perl-modules-5.36'], {}),
    p('perl', '5.36.0-7+deb12u2', 239_000, 765, ['perl-base', 'perl-modules-5.36', 'libperl5.36'], {}),
    p('libtext-charwidth-perl', '0.04-11', 9_500, 42, ['perl'], {}),
    p('cowsay', '3.03+dfsg2-8', 20_000, 93, ['perl', 'libtext-charwidth-perl'], { '/usr/games/cowsay': 'cowsay', '/usr/games/cowthink': 'cowsay' }, { '/usr/share/cowsay/cows/default.cow': '$the_cow = <<"EOC";\n        $thoughts   ^__^\n         $thoughts  ($eyes)\\_______\n            (__)\\       )\\/\\\n             $tongue ||----w |\n                ||     ||\nEOC\n' }, 'games'),
    p('librecode0', '3.6-25', 560_000, 1_887, [], {}),
    p('fortunes-min', '1:1.99.1-7.3', 40_000, 111, [], {}, { '/usr/share/games/fortunes/fortunes': 'No violence, gentlemen -- no violence, I beg of you!  Consider the furniture!\n\t\t-- Sherlock Holmes\n%\n' }, 'games'),
    p('fortune-mod', '1:1.99.1-7.3', 41_000, 90, ['librecode0', 'fortunes-min'], { '/usr/games/fortune': 'fortune' }, {}, 'games'),
    p('procps', '2:4.0.2-3', 709_000, 2_390, [], { '/usr/bin/ps': 'ps', '/usr/bin/top': 'top', '/usr/bin/free': 'free', '/usr/bin/kill': 'kill', '/usr/bin/uptime': 'uptime', '/usr/bin/pgrep': 'pgrep', '/usr/bin/pkill': 'pkill', '/usr/bin/watch': 'watch' }, {}, 'admin'),
    p('curl', '7.88.1-10+deb12u14', 316_000, 500, [], { '/usr/bin/curl': 'curl' }, {}, 'web'),
    p('wget', '1.21.3-1+deb12u1', 937_000, 3_738, [], { '/usr/bin/wget': 'wget' }, {}, 'web'),
    p('vim-tiny', '2:9.0.1378-2+deb12u2', 717_000, 1_681, [], { '/usr/bin/vi': 'vi', '/usr/bin/vim.tiny': 'vi' }, {}, 'editors'),
    p('vim', '2:9.0.1378-2+deb12u2', 1_567_000, 3_878, [], { '/usr/bin/vim': 'vi', '/usr/bin/vi': 'vi' }, {}, 'editors'),
    p('nano', '7.2-1+deb12u1', 690_000, 2_815, [], { '/usr/bin/nano': 'nano' }, {}, 'editors'),
    p('less', '590-2.1~deb12u2', 131_000, 384, [], { '/usr/bin/less': 'less' }, {}, 'text'),
    p('tree', '2.1.0-1', 52_000, 123, [], { '/usr/bin/tree': 'tree' }),
    p('iputils-ping', '3:20221126-1+deb12u1', 47_000, 115, [], { '/usr/bin/ping': 'ping' }, {}, 'net'),
    p('net-tools', '2.10-0.1', 243_000, 1_015, [], { '/usr/sbin/ifconfig': 'ifconfig', '/usr/bin/netstat': 'netstat' }, {}, 'net'),
    p('iproute2', '6.1.0-3', 1_046_000, 3_474, [], { '/usr/sbin/ip': 'ip', '/usr/bin/ss': 'ss' }, {}, 'net'),
    p('git', '1:2.39.5-0+deb12u2', 7_264_000, 36_917, ['perl'], { '/usr/bin/git': 'git' }, {}, 'vcs'),
    p('python3', '3.11.2-1+b1', 26_000, 90, [], { '/usr/bin/python3': 'python3' }, {}, 'python'),
    p('python3-pip', '23.0.1+dfsg-1', 1_325_000, 7_068, ['python3'], { '/usr/bin/pip3': 'pip', '/usr/bin/pip': 'pip' }, {}, 'python'),
    p('redis-tools', '5:7.0.15-1~deb12u5', 1_047_000, 4_990, [], { '/usr/bin/redis-cli': 'redis-cli' }, {}, 'database'),
    p('sudo', '1.9.13p3-1+deb12u2', 1_889_000, 6_199, [], { '/usr/bin/sudo': 'sudo' }, {}, 'admin'),
    p('htop', '3.2.2-2', 152_000, 405, [], { '/usr/bin/htop': 'htop' }),
  ].map((x) => [x.name, x]),
);

/** Names apt resolves to another package (`apt-get install fortune` selects fortune-mod). */
export const VIRTUAL: Record<string, string> = { fortune: 'fortune-mod', vim: 'vim', ping: 'iputils-ping', ps: 'procps', pip: 'python3-pip' };
