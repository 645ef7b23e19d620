/**
 * The package catalogue, per package family: what `apt-get install`, `apk add` and `yum install`
 * can fetch, with believable versions and sizes (Debian 12, Alpine 3.21, CentOS 7), dependencies,
 * and the files each package really writes (executables are program markers; a marker whose
 * program the simulator lacks says so when run). Also the base systems' package lists, which seed
 * the package databases the first time a package manager writes them.
 */
import { COWS, COW_DIR } from './cowsay';

export type Family = 'deb' | 'apk' | 'rpm';

export interface Pkg {
  name: string;
  version: string;
  /** Installed size in kB and download size in kB, as the package managers report them. */
  kb: number;
  dl: number;
  deps: string[];
  /** path → program name (written as an executable marker). */
  bins: Record<string, string>;
  /** path → text. */
  files: Record<string, string>;
  /** path → data the program marker carries after its name (an interpreter's built-in version). */
  binData?: Record<string, string>;
  desc: string;
  section: string;
}

type Row = [name: string, version: string, kb: number, dl: number, deps: string, desc: string, bins?: Record<string, string>, files?: Record<string, string>, section?: string];

function table(rows: Row[]): Record<string, Pkg> {
  const out: Record<string, Pkg> = {};
  for (const [name, version, kb, dl, deps, desc, bins = {}, files = {}, section = 'utils'] of rows) {
    out[name] = { name, version, kb, dl, deps: deps.split(' ').filter(Boolean), desc, bins, files, section };
  }
  return out;
}

const cows = Object.fromEntries(Object.entries(COWS).map(([n, t]) => [`${COW_DIR}/${n}.cow`, t]));
const lib = (name: string) => ({ [`/usr/lib/x86_64-linux-gnu/${name}`]: '' });
const procpsBins = (dir: string) => Object.fromEntries(['ps', 'top', 'free', 'kill', 'uptime', 'pgrep', 'pkill', 'watch', 'vmstat', 'w'].map((n) => [`${dir}/${n}`, n]));
const NGINX_CONF = 'user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n\nevents {\n\tworker_connections 768;\n}\n\nhttp {\n\tinclude /etc/nginx/mime.types;\n\tdefault_type application/octet-stream;\n\taccess_log /var/log/nginx/access.log;\n\terror_log /var/log/nginx/error.log;\n\tinclude /etc/nginx/conf.d/*.conf;\n\tinclude /etc/nginx/sites-enabled/*;\n}\n';

export const DEB = table([
  ['cowsay', '3.03+dfsg2-8', 93, 20, 'perl libtext-charwidth-perl', 'configurable talking cow', { '/usr/games/cowsay': 'cowsay', '/usr/games/cowthink': 'cowsay' }, cows, 'games'],
  ['perl', '5.36.0-7+deb12u2', 680, 239, 'perl-modules-5.36 libperl5.36 netbase', 'Larry Wall\'s Practical Extraction and Report Language', { '/usr/bin/perl5.36.0': 'perl' }, {}, 'perl'],
  ['perl-modules-5.36', '5.36.0-7+deb12u2', 17810, 2815, '', 'Core Perl modules', {}, { '/usr/share/perl/5.36/strict.pm': 'package strict;\n1;\n' }, 'perl'],
  ['libperl5.36', '5.36.0-7+deb12u2', 28125, 4207, 'libgdbm6 libgdbm-compat4', 'shared Perl library', {}, lib('libperl.so.5.36'), 'libs'],
  ['libgdbm6', '1.23-3', 124, 72, '', 'GNU dbm database routines (runtime version)', {}, lib('libgdbm.so.6'), 'libs'],
  ['libgdbm-compat4', '1.23-3', 44, 48, 'libgdbm6', 'GNU dbm database routines (legacy support runtime version)', {}, lib('libgdbm_compat.so.4'), 'libs'],
  ['netbase', '6.4', 41, 13, '', 'Basic TCP/IP networking system', {}, { '/etc/protocols': 'ip\t0\tIP\ntcp\t6\tTCP\nudp\t17\tUDP\n', '/etc/services': 'http\t\t80/tcp\n' }, 'admin'],
  ['libtext-charwidth-perl', '0.04-11', 41, 9, '', 'get display widths of characters on the terminal', {}, {}, 'perl'],
  ['fortune-mod', '1:1.99.1-7.3', 89, 41, 'librecode0 fortunes-min', 'provides fortune cookies on demand', { '/usr/games/fortune': 'fortune' }, {}, 'games'],
  ['fortunes-min', '1:1.99.1-7.3', 110, 40, '', 'Data files containing selected fortune cookies', {}, { '/usr/share/games/fortunes/fortunes': 'Today is what happened to yesterday.\n%\nBeware of low-flying butterflies.\n%\n' }, 'games'],
  ['librecode0', '3.6-25', 1803, 560, '', 'Shared library on which recode is based', {}, lib('librecode.so.0'), 'libs'],
  ['procps', '2:4.0.2-3', 2392, 709, 'libproc2-0', '/proc file system utilities', procpsBins('/usr/bin'), {}, 'admin'],
  ['libproc2-0', '2:4.0.2-3', 200, 62, '', 'library for accessing process information from /proc', {}, lib('libproc2.so.0'), 'libs'],
  ['curl', '7.88.1-10+deb12u12', 500, 315, 'libcurl4 ca-certificates', 'command line tool for transferring data with URL syntax', { '/usr/bin/curl': 'curl' }, {}, 'web'],
  ['libcurl4', '7.88.1-10+deb12u12', 1142, 391, 'libnghttp2-14 libpsl5 librtmp1 libssh2-1 libbrotli1', 'easy-to-use client-side URL transfer library (OpenSSL flavour)', {}, lib('libcurl.so.4'), 'libs'],
  ['libnghttp2-14', '1.52.0-1+deb12u2', 224, 72, '', 'library implementing HTTP/2 protocol (shared library)', {}, lib('libnghttp2.so.14'), 'libs'],
  ['libpsl5', '0.21.2-1', 94, 58, '', 'Library for Public Suffix List (shared libraries)', {}, lib('libpsl.so.5'), 'libs'],
  ['librtmp1', '2.4+20151223.gitfa8646d.1-2+b2', 138, 60, '', 'toolkit for RTMP streams (shared library)', {}, lib('librtmp.so.1'), 'libs'],
  ['libssh2-1', '1.10.0-3+b1', 494, 179, '', 'SSH2 client-side library', {}, lib('libssh2.so.1'), 'libs'],
  ['libbrotli1', '1.0.9-2+b6', 783, 270, '', 'library implementing brotli encoder and decoder (shared libraries)', {}, lib('libbrotli.so.1'), 'libs'],
  ['ca-certificates', '20230311', 389, 153, 'openssl', 'Common CA certificates', {}, { '/etc/ssl/certs/ca-certificates.crt': '' }, 'misc'],
  ['openssl', '3.0.16-1~deb12u1', 2299, 1415, '', 'Secure Sockets Layer toolkit - cryptographic utility', { '/usr/bin/openssl': 'openssl' }, {}, 'utils'],
  ['wget', '1.21.3-1+deb12u1', 3737, 937, 'libpsl5 ca-certificates', 'retrieves files from the web', { '/usr/bin/wget': 'wget' }, {}, 'web'],
  ['vim-tiny', '2:9.0.1378-2+deb12u2', 1730, 720, 'vim-common', 'Vi IMproved - enhanced vi editor - compact version', { '/usr/bin/vim.tiny': 'vi', '/usr/bin/vi': 'vi' }, {}, 'editors'],
  ['vim', '2:9.0.1378-2+deb12u2', 4001, 1567, 'vim-common vim-runtime libgpm2 libsodium23', 'Vi IMproved - enhanced vi editor', { '/usr/bin/vim.basic': 'vi', '/usr/bin/vim': 'vi', '/usr/bin/vi': 'vi' }, {}, 'editors'],
  ['vim-common', '2:9.0.1378-2+deb12u2', 372, 124, '', 'Vi IMproved - Common files', {}, { '/usr/share/vim/vimrc': '" All system-wide defaults are set in $VIMRUNTIME/debian.vim\nruntime! debian.vim\n' }, 'editors'],
  ['vim-runtime', '2:9.0.1378-2+deb12u2', 36000, 7026, '', 'Vi IMproved - Runtime files', {}, {}, 'editors'],
  ['libgpm2', '1.20.7-10+b1', 62, 15, '', 'General Purpose Mouse - shared library', {}, lib('libgpm.so.2'), 'libs'],
  ['libsodium23', '1.0.18-1', 362, 161, '', 'Network communication, cryptography and signaturing library', {}, lib('libsodium.so.23'), 'libs'],
  ['nano', '7.2-1+deb12u1', 2815, 690, '', 'small, friendly text editor inspired by Pico', { '/usr/bin/nano': 'nano' }, {}, 'editors'],
  ['iputils-ping', '3:20221126-1+deb12u1', 115, 47, 'libcap2-bin', 'Tools to test the reachability of network hosts', { '/usr/bin/ping': 'ping' }, {}, 'net'],
  ['libcap2-bin', '1:2.66-4+deb12u1', 134, 35, '', 'POSIX 1003.1e capabilities (utilities)', {}, {}, 'utils'],
  ['dnsutils', '1:9.18.33-1~deb12u2', 22, 9, 'bind9-dnsutils', 'Transitional package for bind9-dnsutils', {}, {}, 'oldlibs'],
  ['bind9-dnsutils', '1:9.18.33-1~deb12u2', 727, 221, 'bind9-libs', 'Clients provided with BIND 9', { '/usr/bin/nslookup': 'nslookup' }, {}, 'net'],
  ['bind9-libs', '1:9.18.33-1~deb12u2', 3485, 1179, '', 'Shared Libraries used by BIND 9', {}, lib('libdns-9.18.33-1~deb12u2-Debian.so'), 'libs'],
  ['net-tools', '2.10-0.1', 1015, 243, '', 'NET-3 networking toolkit', { '/usr/sbin/ifconfig': 'ifconfig', '/usr/bin/netstat': 'netstat', '/usr/sbin/route': 'route', '/usr/sbin/arp': 'arp' }, {}, 'net'],
  ['iproute2', '6.1.0-3', 3474, 1046, 'libbpf1 libelf1 libmnl0 libcap2-bin', 'networking and traffic control tools', { '/usr/bin/ip': 'ip', '/usr/bin/ss': 'ss', '/usr/sbin/tc': 'tc' }, {}, 'net'],
  ['libbpf1', '1:1.1.0-1', 450, 145, 'libelf1', 'eBPF helper library (shared library)', {}, lib('libbpf.so.1'), 'libs'],
  ['libelf1', '0.188-2.1', 1061, 175, '', 'library to read and write ELF files', {}, lib('libelf.so.1'), 'libs'],
  ['libmnl0', '1.0.4-3', 43, 12, '', 'minimalistic Netlink communication library', {}, lib('libmnl.so.0'), 'libs'],
  ['git', '1:2.39.5-0+deb12u2', 36917, 7264, 'git-man liberror-perl perl libcurl3-gnutls libexpat1', 'fast, scalable, distributed revision control system', { '/usr/bin/git': 'git' }, {}, 'vcs'],
  ['git-man', '1:2.39.5-0+deb12u2', 2100, 2053, '', 'fast, scalable, distributed revision control system (manual pages)', {}, {}, 'doc'],
  ['liberror-perl', '0.17029-2', 44, 29, 'perl', 'Perl module for error/exception handling in an OO-ish way', {}, {}, 'perl'],
  ['libcurl3-gnutls', '7.88.1-10+deb12u12', 1114, 386, 'libnghttp2-14 libpsl5 librtmp1 libssh2-1 libbrotli1', 'easy-to-use client-side URL transfer library (GnuTLS flavour)', {}, lib('libcurl-gnutls.so.4'), 'libs'],
  ['libexpat1', '2.5.0-1+deb12u1', 345, 99, '', 'XML parsing C library - runtime library', {}, lib('libexpat.so.1'), 'libs'],
  ['python3', '3.11.2-1+b1', 90, 26, 'python3.11 python3-minimal libpython3.11-stdlib media-types', 'interactive high-level object-oriented language (default python3 version)', { '/usr/bin/python3.11': 'python3', '/usr/bin/python3': 'python3' }, {}, 'python'],
  ['python3.11', '3.11.2-6+deb12u5', 2190, 573, 'python3.11-minimal libpython3.11-stdlib', 'Interactive high-level object-oriented language (version 3.11)', {}, {}, 'python'],
  ['python3-minimal', '3.11.2-1+b1', 136, 26, 'python3.11-minimal', 'minimal subset of the Python language (default python3 version)', {}, {}, 'python'],
  ['python3.11-minimal', '3.11.2-6+deb12u5', 6040, 2064, 'libexpat1', 'Minimal subset of the Python language (version 3.11)', {}, {}, 'python'],
  ['libpython3.11-stdlib', '3.11.2-6+deb12u5', 8637, 1797, '', 'Interactive high-level object-oriented language (standard library, version 3.11)', {}, {}, 'python'],
  ['media-types', '10.0.0', 100, 26, '', 'List of standard media types and their usual file extension', {}, { '/etc/mime.types': '' }, 'net'],
  ['python3-pip', '23.0.1+dfsg-1', 7068, 1325, 'python3 python3-setuptools python3-wheel', 'Python package installer', { '/usr/bin/pip3': 'pip', '/usr/bin/pip': 'pip' }, {}, 'python'],
  ['python3-setuptools', '66.1.1-1+deb12u1', 2632, 522, 'python3', 'Python3 Distutils Enhancements', {}, {}, 'python'],
  ['python3-wheel', '0.38.4-2', 167, 30, 'python3', 'built-package format for Python', {}, {}, 'python'],
  ['redis-tools', '5:7.0.15-1~deb12u3', 4990, 1047, 'libjemalloc2 liblzf1', 'Persistent key-value database with network interface (client)', { '/usr/bin/redis-cli': 'redis-cli', '/usr/bin/redis-benchmark': 'redis-benchmark' }, {}, 'database'],
  ['libjemalloc2', '5.3.0-1', 720, 275, '', 'general-purpose scalable concurrent malloc(3) implementation', {}, lib('libjemalloc.so.2'), 'libs'],
  ['liblzf1', '3.6-3', 26, 10, '', 'very small data compression library', {}, lib('liblzf.so.1'), 'libs'],
  ['nginx', '1.22.1-9+deb12u1', 1190, 527, 'nginx-common', 'small, powerful, scalable web/proxy server', { '/usr/sbin/nginx': 'nginx' }, { '/var/www/html/index.nginx-debian.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n' }, 'httpd'],
  ['nginx-common', '1.22.1-9+deb12u1', 350, 112, '', 'small, powerful, scalable web/proxy server - common files', {}, { '/etc/nginx/nginx.conf': NGINX_CONF, '/etc/nginx/mime.types': 'types {\n    text/html html htm;\n}\n' }, 'httpd'],
  ['less', '590-2.1~deb12u2', 384, 131, '', 'pager program similar to more', { '/usr/bin/less': 'less' }, {}, 'text'],
  ['tree', '2.1.0-1', 123, 52, '', 'displays an indented directory tree, in color', { '/usr/bin/tree': 'tree' }],
  ['htop', '3.2.2-2', 405, 152, 'libnl-3-200 libnl-genl-3-200', 'interactive processes viewer', { '/usr/bin/htop': 'htop' }],
  ['libnl-3-200', '3.7.0-0.2+b1', 176, 63, '', 'library for dealing with netlink sockets', {}, lib('libnl-3.so.200'), 'libs'],
  ['libnl-genl-3-200', '3.7.0-0.2+b1', 50, 21, 'libnl-3-200', 'library for dealing with netlink sockets - generic netlink', {}, lib('libnl-genl-3.so.200'), 'libs'],
  // The build tools of the notes' compile-from-source Dockerfiles (redis): make runs; gcc says it cannot compile.
  ['make', '4.3-4.1', 1592, 396, '', 'utility for directing compilation', { '/usr/bin/make': 'make' }, {}, 'devel'],
  ['gcc', '4:12.2.0-3', 36, 5, 'gcc-12 cpp', 'GNU C compiler', { '/usr/bin/gcc': 'gcc', '/usr/bin/cc': 'gcc', '/usr/bin/c89': 'gcc', '/usr/bin/c99': 'gcc' }, {}, 'devel'],
  ['gcc-12', '12.2.0-14', 70213, 19280, 'cpp-12 binutils libgcc-12-dev', 'GNU C compiler', { '/usr/bin/gcc-12': 'gcc' }, {}, 'devel'],
  ['cpp', '4:12.2.0-3', 44, 7, 'cpp-12', 'GNU C preprocessor (cpp)', {}, {}, 'interpreters'],
  ['cpp-12', '12.2.0-14', 32041, 9446, '', 'GNU C preprocessor', {}, {}, 'interpreters'],
  ['binutils', '2.40-2', 35318, 7421, '', 'GNU assembler, linker and binary utilities', {}, {}, 'devel'],
  ['libgcc-12-dev', '12.2.0-14', 8934, 2437, '', 'GCC support library (development files)', {}, {}, 'libdevel'],
  ['libc6-dev', '2.36-9+deb12u10', 12018, 1904, 'libc-dev-bin linux-libc-dev libcrypt-dev', 'GNU C Library: Development Libraries and Header Files', {}, { '/usr/include/stdio.h': '/* Define ISO C stdio on top of C++ iostreams. */\n' }, 'libdevel'],
  ['libc-dev-bin', '2.36-9+deb12u10', 116, 47, '', 'GNU C Library: Development binaries', {}, {}, 'libdevel'],
  ['linux-libc-dev', '6.1.129-1', 6935, 2139, '', 'Linux support headers for userspace development', {}, {}, 'devel'],
  ['libcrypt-dev', '1:4.4.33-2', 318, 122, '', 'libcrypt development files', {}, {}, 'libdevel'],
  ['sudo', '1.9.13p3-1+deb12u1', 6199, 1889, '', 'Provide limited super user privileges to specific users', { '/usr/bin/sudo': 'sudo' }, { '/etc/sudoers': 'root\tALL=(ALL:ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n' }, 'admin'],
]);

/** Names apt resolves to another package. */
export const DEB_VIRTUAL: Record<string, string> = { fortune: 'fortune-mod', ping: 'iputils-ping', pip: 'python3-pip', vi: 'vim-tiny' };

export const APK = table([
  ['curl', '8.12.1-r1', 258, 150, 'libcurl', 'URL retrival utility and library', { '/usr/bin/curl': 'curl' }],
  ['libcurl', '8.12.1-r1', 504, 360, 'brotli-libs c-ares libidn2 nghttp2-libs libpsl zstd-libs', 'The multiprotocol file transfer library', {}, { '/usr/lib/libcurl.so.4': '' }],
  ['brotli-libs', '1.1.0-r2', 888, 339, '', 'Generic lossless compressor (libraries)', {}, { '/usr/lib/libbrotlicommon.so.1': '' }],
  ['c-ares', '1.34.5-r0', 216, 87, '', 'Asynchronous DNS/names resolver library', {}, { '/usr/lib/libcares.so.2': '' }],
  ['libunistring', '1.2-r0', 1740, 588, '', 'Library for manipulating Unicode strings and C strings', {}, { '/usr/lib/libunistring.so.5': '' }],
  ['libidn2', '2.3.7-r0', 208, 78, 'libunistring', 'Encode/Decode library for internationalized domain names', {}, { '/usr/lib/libidn2.so.0': '' }],
  ['nghttp2-libs', '1.64.0-r0', 168, 75, '', 'Experimental HTTP/2 client, server and proxy (libraries)', {}, { '/usr/lib/libnghttp2.so.14': '' }],
  ['libpsl', '0.21.5-r3', 84, 30, '', 'C library for the Publix Suffix List', {}, { '/usr/lib/libpsl.so.5': '' }],
  ['zstd-libs', '1.5.6-r2', 708, 285, '', 'Zstandard - Fast real-time compression algorithm (libraries)', {}, { '/usr/lib/libzstd.so.1': '' }],
  ['wget', '1.25.0-r0', 480, 212, 'libidn2 pcre2', 'Network utility to retrieve files from the Web', { '/usr/bin/wget': 'wget' }],
  ['pcre2', '10.43-r0', 636, 256, '', 'Perl-compatible regular expression library', {}, { '/usr/lib/libpcre2-8.so.0': '' }],
  ['vim', '9.1.1105-r0', 3452, 1520, 'xxd vim-common', 'Improved vi-style text editor', { '/usr/bin/vim': 'vi' }],
  ['vim-common', '9.1.1105-r0', 32, 12, '', 'Improved vi-style text editor (common files)', {}, { '/usr/share/vim/vimrc': '' }],
  ['xxd', '9.1.1105-r0', 32, 16, '', 'Make a hexdump or do the reverse', { '/usr/bin/xxd': 'xxd' }],
  ['nano', '8.2-r0', 1072, 526, 'libmagic ncurses-terminfo-base libncursesw', 'Enhanced clone of the Pico text editor', { '/bin/nano': 'nano' }],
  ['libmagic', '5.46-r2', 9768, 672, '', 'File type identification library', {}, { '/usr/lib/libmagic.so.1': '' }],
  ['ncurses-terminfo-base', '6.5_p20241006-r3', 44, 22, '', 'Descriptions of common terminals', {}, { '/etc/terminfo/x/xterm': '' }],
  ['libncursesw', '6.5_p20241006-r3', 448, 150, 'ncurses-terminfo-base', 'Console display library (libncursesw)', {}, { '/usr/lib/libncursesw.so.6': '' }],
  ['iputils-ping', '20240905-r0', 88, 36, 'libcap2', 'Tool to test the reachability of network hosts', { '/bin/ping': 'ping' }],
  ['libcap2', '2.71-r0', 48, 20, '', 'POSIX 1003.1e capabilities (libraries)', {}, { '/usr/lib/libcap.so.2': '' }],
  ['bind-tools', '9.18.37-r0', 2048, 600, '', 'The ISC DNS tools', { '/usr/bin/nslookup': 'nslookup' }],
  ['net-tools', '2.10-r3', 324, 131, '', 'Linux networking base tools', { '/bin/netstat': 'netstat', '/sbin/ifconfig': 'ifconfig', '/sbin/route': 'route' }],
  ['iproute2', '6.11.0-r0', 2268, 900, 'libelf libmnl', 'IP Routing Utilities', { '/sbin/ip': 'ip', '/usr/sbin/ss': 'ss' }],
  ['libelf', '0.192-r0', 316, 121, 'zstd-libs', 'ELF object file access library', {}, { '/usr/lib/libelf.so.1': '' }],
  ['libmnl', '1.0.5-r2', 32, 11, '', 'Library for minimalistic netlink', {}, { '/usr/lib/libmnl.so.0': '' }],
  ['git', '2.47.2-r0', 14248, 4960, 'libcurl libexpat pcre2', 'Distributed version control system', { '/usr/bin/git': 'git' }],
  ['libexpat', '2.7.0-r0', 176, 77, '', 'XML Parser library written in C', {}, { '/usr/lib/libexpat.so.1': '' }],
  ['python3', '3.12.9-r0', 52120, 14300, 'libbz2 libffi gdbm xz-libs mpdecimal libpanelw readline sqlite-libs libexpat', 'A high-level scripting language', { '/usr/bin/python3.12': 'python3', '/usr/bin/python3': 'python3' }],
  ['libbz2', '1.0.8-r6', 80, 33, '', 'Shared library for bz2', {}, { '/usr/lib/libbz2.so.1': '' }],
  ['libffi', '3.4.6-r0', 44, 22, '', 'portable, high level programming interface to various calling conventions', {}, { '/usr/lib/libffi.so.8': '' }],
  ['gdbm', '1.24-r0', 232, 94, '', 'GNU dbm is a set of database routines that use extensible hashing', {}, { '/usr/lib/libgdbm.so.6': '' }],
  ['xz-libs', '5.6.3-r1', 224, 91, '', 'Library and CLI tools for XZ and LZMA compressed files (libraries)', {}, { '/usr/lib/liblzma.so.5': '' }],
  ['mpdecimal', '4.0.0-r0', 168, 72, '', 'complete implementation of the General Decimal Arithmetic Specification', {}, { '/usr/lib/libmpdec.so.4': '' }],
  ['libpanelw', '6.5_p20241006-r3', 20, 10, 'libncursesw', 'Console display library (libpanelw)', {}, { '/usr/lib/libpanelw.so.6': '' }],
  ['readline', '8.2.13-r0', 276, 109, 'libncursesw', 'GNU readline library', {}, { '/usr/lib/libreadline.so.8': '' }],
  ['sqlite-libs', '3.48.0-r1', 1080, 460, '', 'Sqlite3 library', {}, { '/usr/lib/libsqlite3.so.0': '' }],
  ['py3-pip', '24.3.1-r0', 10592, 2540, 'python3', 'Tool for installing and managing Python packages', { '/usr/bin/pip3': 'pip', '/usr/bin/pip': 'pip' }],
  ['redis', '7.2.7-r0', 4036, 1600, '', 'Advanced key-value store', { '/usr/bin/redis-server': 'redis-server', '/usr/bin/redis-cli': 'redis-cli' }, { '/etc/redis.conf': 'bind 127.0.0.1 -::1\nport 6379\n' }],
  ['nginx', '1.26.3-r0', 1264, 640, 'pcre2', 'HTTP and reverse proxy server (stable version)', { '/usr/sbin/nginx': 'nginx' }, { '/etc/nginx/nginx.conf': NGINX_CONF.replace('www-data', 'nginx') }],
  ['less', '668-r0', 212, 133, 'ncurses-terminfo-base libncursesw', 'File pager', { '/usr/bin/less': 'less' }],
  ['tree', '2.2.1-r0', 72, 37, '', 'A recursive directory indented listing of files', { '/usr/bin/tree': 'tree' }],
  ['htop', '3.3.0-r0', 372, 161, 'ncurses-terminfo-base libncursesw', 'Interactive process viewer', { '/usr/bin/htop': 'htop' }],
  ['sudo', '1.9.16_p2-r0', 3832, 800, '', 'Give certain users the ability to run some commands as root', { '/usr/bin/sudo': 'sudo' }, { '/etc/sudoers': 'root ALL=(ALL:ALL) ALL\n' }],
  ['procps-ng', '4.0.4-r2', 560, 220, 'libproc2 libncursesw', 'Utilities for monitoring your system and processes on your system', procpsBins('/usr/bin')],
  ['libproc2', '4.0.4-r2', 124, 58, '', 'Library for monitoring system and processes', {}, { '/usr/lib/libproc2.so.0': '' }],
  ['bash', '5.2.37-r0', 1284, 440, 'readline', 'The GNU Bourne Again shell', { '/bin/bash': 'bash' }],
]);

export const APK_VIRTUAL: Record<string, string> = { procps: 'procps-ng' };

export const RPM = table([
  ['tree', '1.6.0-10.el7', 87, 46, '', 'File system tree viewer', { '/usr/bin/tree': 'tree' }],
  ['wget', '1.14-18.el7_6.1', 2055, 547, '', 'A utility for retrieving files using the HTTP or FTP protocols', { '/usr/bin/wget': 'wget' }],
  ['nano', '2.3.1-10.el7', 1588, 440, '', 'A small text editor', { '/usr/bin/nano': 'nano' }],
  ['vim-enhanced', '2:7.4.629-8.el7_9', 2296, 1100, 'vim-common vim-filesystem gpm-libs', 'A version of the VIM editor which includes recent enhancements', { '/usr/bin/vim': 'vi' }],
  ['vim-common', '2:7.4.629-8.el7_9', 21896, 5900, 'vim-filesystem', 'The common files needed by any version of the VIM editor', {}],
  ['vim-filesystem', '2:7.4.629-8.el7_9', 0, 11, '', 'VIM filesystem layout', {}],
  ['gpm-libs', '1.20.7-6.el7', 34, 32, '', 'Dynamic library for for the gpm', {}],
  ['git', '1.8.3.1-25.el7_9', 22575, 4400, 'perl-Git', 'Fast Version Control System', { '/usr/bin/git': 'git' }],
  ['perl-Git', '1.8.3.1-25.el7_9', 57, 56, '', 'Perl interface to Git', {}],
  ['iputils', '20160308-10.el7', 343, 148, '', 'Network monitoring tools including ping', { '/usr/bin/ping': 'ping' }],
  ['net-tools', '2.0-0.25.20131004git.el7', 918, 306, '', 'Basic networking tools', { '/usr/sbin/ifconfig': 'ifconfig', '/usr/bin/netstat': 'netstat' }],
  ['iproute', '4.11.0-30.el7', 2064, 805, '', 'Advanced IP routing and network device configuration tools', { '/usr/sbin/ip': 'ip', '/usr/sbin/ss': 'ss' }],
  ['bind-utils', '32:9.11.4-26.P2.el7_9.16', 431, 261, '', 'Utilities for querying DNS name servers', { '/usr/bin/nslookup': 'nslookup' }],
  ['less', '458-9.el7', 215, 120, '', 'A text file browser similar to more, but better', { '/usr/bin/less': 'less' }],
  ['sudo', '1.8.23-10.el7_9.3', 3029, 843, '', 'Allows restricted root access for specified users', { '/usr/bin/sudo': 'sudo' }],
]);

export const RPM_VIRTUAL: Record<string, string> = { vim: 'vim-enhanced', ping: 'iputils', iproute2: 'iproute' };

export const CATALOGS: Record<Family, { pkgs: Record<string, Pkg>; virtual: Record<string, string> }> = {
  deb: { pkgs: DEB, virtual: DEB_VIRTUAL },
  apk: { pkgs: APK, virtual: APK_VIRTUAL },
  rpm: { pkgs: RPM, virtual: RPM_VIRTUAL },
};

/** What the base images already have installed: name, version, installed kB, description. */
export const BASE: Record<Family, [string, string, number, string][]> = {
  deb: [
    ['adduser', '3.134', 849, 'add and remove users and groups'], ['apt', '2.6.1', 4277, 'commandline package manager'],
    ['base-files', '12.4+deb12u10', 347, 'Debian base system miscellaneous files'], ['bash', '5.2.15-2+b7', 7164, 'GNU Bourne Again SHell'],
    ['coreutils', '9.1-1', 18062, 'GNU core utilities'], ['dash', '0.5.12-2', 200, 'POSIX-compliant shell'],
    ['debconf', '1.5.82', 521, 'Debian configuration management system'], ['debian-archive-keyring', '2023.3+deb12u1', 245, 'GnuPG archive keys of the Debian archive'],
    ['diffutils', '1:3.8-4', 1597, 'File comparison utilities'], ['dpkg', '1.21.22', 6384, 'Debian package management system'],
    ['findutils', '4.9.0-4', 1752, 'utilities for finding files--find, xargs'], ['gpgv', '2.2.40-1.1', 905, 'GNU privacy guard - signature verification tool'],
    ['grep', '3.8-5', 1524, 'GNU grep, egrep and fgrep'], ['gzip', '1.12-1', 1055, 'GNU compression utilities'],
    ['hostname', '3.23+nmu1', 45, 'utility to set/show the host name or domain name'], ['libc-bin', '2.36-9+deb12u10', 2606, 'GNU C Library: Binaries'],
    ['libc6', '2.36-9+deb12u10', 12992, 'GNU C Library: Shared libraries'], ['libssl3', '3.0.16-1~deb12u1', 6280, 'Secure Sockets Layer toolkit - shared libraries'],
    ['login', '1:4.13+dfsg1-1+b1', 2716, 'system login tools'], ['mawk', '1.3.4.20200120-3.1', 250, 'Pattern scanning and text processing language'],
    ['mount', '2.38.1-5+deb12u3', 466, 'tools for mounting and manipulating filesystems'], ['passwd', '1:4.13+dfsg1-1+b1', 2783, 'change and administer password and group data'],
    ['perl-base', '5.36.0-7+deb12u2', 7665, 'minimal Perl system'], ['sed', '4.9-1', 883, 'GNU stream editor for filtering/transforming text'],
    ['sysvinit-utils', '3.06-4', 78, 'System-V-like utilities'], ['tar', '1.34+dfsg-1.2+deb12u1', 3156, 'GNU version of the tar archiving utility'],
    ['tzdata', '2025b-0+deb12u1', 2547, 'time zone and daylight-saving time data'], ['util-linux', '2.38.1-5+deb12u3', 3582, 'miscellaneous system utilities'],
    ['zlib1g', '1:1.2.13.dfsg-1', 168, 'compression library - runtime'],
  ],
  apk: [
    ['alpine-baselayout', '3.6.8-r1', 8, 'Alpine base dir structure and init scripts'], ['alpine-baselayout-data', '3.6.8-r1', 16, 'Alpine base dir structure and init scripts'],
    ['alpine-keys', '2.5-r0', 112, 'Public keys for Alpine Linux packages'], ['alpine-release', '3.21.3-r0', 8, 'Alpine release data'],
    ['apk-tools', '2.14.6-r3', 260, 'Alpine Package Keeper - package manager for alpine'], ['busybox', '1.37.0-r12', 804, 'Size optimized toolbox of many common UNIX utilities'],
    ['busybox-binsh', '1.37.0-r12', 4, 'busybox ash /bin/sh'], ['ca-certificates-bundle', '20241121-r1', 220, 'Pre generated bundle of Mozilla certificates'],
    ['libcrypto3', '3.3.3-r0', 4584, 'Crypto library from openssl'], ['libssl3', '3.3.3-r0', 828, 'SSL shared libraries'],
    ['musl', '1.2.5-r9', 644, 'the musl c library (libc) implementation'], ['musl-utils', '1.2.5-r9', 124, 'the musl c library (libc) implementation'],
    ['scanelf', '1.3.8-r1', 80, 'Scan ELF binaries for stuff'], ['ssl_client', '1.37.0-r12', 16, 'EXternal ssl_client for busybox wget'],
    ['zlib', '1.3.1-r2', 100, 'A compression/decompression Library'],
  ],
  rpm: [
    ['bash', '4.2.46-35.el7_9', 3667, 'The GNU Bourne Again shell'], ['centos-release', '7-9.2009.1.el7.centos', 44, 'CentOS Linux release file'],
    ['coreutils', '8.22-24.el7_9.2', 14585, 'A set of basic GNU tools commonly used in shell scripts'], ['curl', '7.29.0-59.el7_9.2', 528, 'A utility for getting files from remote servers'],
    ['glibc', '2.17-326.el7_9.3', 14040, 'The GNU libc libraries'], ['procps-ng', '3.3.10-28.el7', 759, 'System and process monitoring utilities'],
    ['rpm', '4.11.3-48.el7_9', 2622, 'The RPM package management system'], ['yum', '3.4.3-168.el7.centos', 5827, 'RPM package installer/updater/manager'],
  ],
};
