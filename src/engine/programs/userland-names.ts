/**
 * The names userland.ts registers, known before its code loads: each is a lazy entry until then
 * (host/programs.ts). userland.test.ts checks this list against what registerUserland registers.
 */
export const USERLAND_NAMES: readonly string[] = [
  '[', 'awk', 'basename', 'busybox', 'cat', 'chgrp', 'chmod', 'chown', 'clear', 'cp', 'curl',
  'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'edit', 'egrep', 'env', 'false', 'fgrep',
  'file', 'find', 'free', 'gawk', 'gcc', 'grep', 'groupadd', 'groupdel', 'groups', 'gunzip',
  'gzip', 'head', 'hello', 'hostname', 'id', 'ifconfig', 'ip', 'ipinfo', 'kill', 'less', 'ln',
  'ls', 'make', 'mawk', 'md5sum', 'mkdir', 'mktemp', 'more', 'mv', 'nproc', 'nslookup', 'ping',
  'printenv', 'printf', 'ps', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'sed', 'seq',
  'service', 'sha256sum', 'sleep', 'sort', 'stat', 'su', 'sudo', 'systemctl', 'tail', 'tar', 'tee',
  'test', 'touch', 'tr', 'true', 'uname', 'uniq', 'uptime', 'useradd', 'userdel', 'usermod', 'wc',
  'wget', 'which', 'whoami', 'xargs', 'yes', 'zcat',
];
