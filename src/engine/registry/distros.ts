/**
 * Base root filesystems: Debian and Ubuntu (GNU coreutils, bash, dash as /bin/sh, apt; no ip, ping
 * or curl, as in the real images; Ubuntu has procps' ps/top, Debian does not), Alpine (busybox applets + apk), busybox, CentOS. Each is
 * one layer, as `ADD file:… in /` makes it; the bulk files are sized later to the real totals.
 */
import { accounts } from './etc';
import { Tree } from './tree';
import { alpineOsRelease, aptSources, osRelease } from './os-release';

/** GNU coreutils split as Debian ships it without usrmerge (/bin vs /usr/bin). */
const COREUTILS_BIN = 'cat chgrp chmod chown cp date dd df dir echo false ln ls mkdir mknod mktemp mv pwd readlink rm rmdir sleep stty sync touch true uname vdir';
const COREUTILS_USR = '[ arch b2sum base32 base64 basename chcon cksum comm csplit cut dircolors dirname du env expand expr factor fmt fold groups head hostid id install join link logname md5sum nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx realpath runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sort split stat stdbuf sum tac tail tee test timeout tr truncate tsort tty unexpand uniq unlink users wc who whoami yes';
const OTHER_BIN = 'bash dash grep egrep fgrep sed tar gzip gunzip zcat hostname login su mount umount more dmesg findmnt lsblk run-parts tempfile mountpoint wdctl';
const OTHER_USR = 'find xargs diff cmp diff3 sdiff apt apt-get apt-cache apt-config apt-mark dpkg dpkg-query dpkg-deb dpkg-divert which clear tput reset perl getent ldd locale iconv passwd chsh chfn chage gpasswd newgrp mawk setsid script rev whereis renice nsenter unshare mesg logger flock getopt ionice lscpu namei prlimit chrt taskset savelog';
const SBIN = 'useradd userdel usermod groupadd groupdel groupmod adduser deluser chroot pwck grpck nologin ldconfig start-stop-daemon agetty blkid fsck mkfs mkswap swapon swapoff losetup pivot_root switch_root sulogin runuser installkernel';

export interface DebianOptions {
  id: 'debian' | 'ubuntu';
  /** `12`, `20.04` … */
  version: string;
  codename: string;
  prettyName: string;
  /** Since Debian 12 / Ubuntu 20.04: /bin, /sbin, /lib are symlinks into /usr. */
  usrmerge: boolean;
  /** The `-slim` variants drop docs and man pages; only the bulk size differs here. */
  mtime: number;
  /** /etc/debian_version content (Ubuntu ships `bookworm/sid`-style values). */
  debianVersion: string;
}

export function debianBase(o: DebianOptions): Tree {
  const t = new Tree(o.mtime);
  t.dirs('/boot /dev /etc /home /media /mnt /opt /proc /run /srv /sys /usr/local/bin /usr/local/lib /usr/local/sbin /usr/local/share /usr/games /usr/include /usr/share/doc /usr/share/man /usr/lib/x86_64-linux-gnu /var/backups /var/cache/apt /var/lib/apt/lists /var/lib/dpkg /var/log /var/mail /var/opt /var/spool /var/local');
  t.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  t.link('/var/run', '/run').link('/var/lock', '/run/lock');
  const bin = o.usrmerge ? '/usr/bin' : '/bin';
  const sbin = o.usrmerge ? '/usr/sbin' : '/sbin';
  if (o.usrmerge) {
    t.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  }
  t.exes(bin, COREUTILS_BIN, 60_000).exes('/usr/bin', COREUTILS_USR, 50_000);
  t.exes(bin, OTHER_BIN, 100_000).exes('/usr/bin', OTHER_USR, 80_000);
  t.exes(sbin, SBIN, 60_000).exe('/usr/sbin/chroot', 'chroot', 40_000);
  t.exe(bin + '/bash', 'bash', 1_265_648).exe(bin + '/dash', 'dash', 125_560);
  // Ubuntu's base image keeps procps (Docker's own docs run `ubuntu /usr/bin/top -b`); Debian's does not.
  if (o.id === 'ubuntu') t.exes('/usr/bin', 'ps top free kill uptime pgrep pkill watch vmstat w pmap pwdx', 40_000);
  // /bin/sh is dash on Debian and Ubuntu; awk goes through the alternatives system to mawk.
  t.link(bin + '/sh', 'dash').link(bin + '/rbash', 'bash');
  t.link('/etc/alternatives/awk', '/usr/bin/mawk').link('/usr/bin/awk', '/etc/alternatives/awk');
  t.link('/usr/bin/pager', '/etc/alternatives/pager').link('/etc/alternatives/pager', bin + '/more');
  const lib = o.usrmerge ? '/usr/lib' : '/lib';
  t.file(`${lib}/x86_64-linux-gnu/libc.so.6`, '', { mode: 0o755, size: 1_922_136 });
  t.file(`${o.usrmerge ? '/usr/lib64' : '/lib64'}/ld-linux-x86-64.so.2`, '', { mode: 0o755, size: 210_968 });
  accounts(t, 'debian');
  t.file('/etc/os-release', osRelease(o));
  t.file('/etc/debian_version', o.debianVersion + '\n');
  t.file('/etc/issue', `${o.prettyName} \\n \\l\n\n`);
  t.file('/etc/profile', PROFILE);
  t.file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n[ -z "$PS1" ] && return\nPS1=\'${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ \'\n');
  t.file('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  t.file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n');
  t.file(...aptSources(o));
  if (o.id === 'ubuntu') t.file('/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${o.version}\nDISTRIB_CODENAME=${o.codename}\nDISTRIB_DESCRIPTION="${o.prettyName}"\n`);
  t.bulk('/var/lib/dpkg/status').bulk(`${lib}/x86_64-linux-gnu/libcrypto.so.3`).bulk('/usr/share/locale/locale.alias');
  return t;
}

const PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH
`;

/** The applets busybox links on Alpine (a representative set; all run the one binary). */
export const BUSYBOX_BIN = 'arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo ed egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat';
export const BUSYBOX_SBIN = 'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog';
export const BUSYBOX_USR_BIN = '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser head hexdump hostid iconv id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unlink unlzma unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami whois xargs xxd xzcat yes';
export const BUSYBOX_USR_SBIN = 'addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell rfkill sendmail setfont setlogcons';

export function alpineBase(version: string, mtime: number): Tree {
  const t = new Tree(mtime);
  t.dirs('/dev /etc/apk /home /lib/apk/db /media/cdrom /mnt /opt /proc /run /sbin /srv /sys /usr/lib /usr/local/bin /usr/local/lib /usr/local/share /usr/sbin /usr/share /var/cache/apk /var/empty /var/lib/misc /var/local /var/log /var/mail /var/opt /var/spool/cron');
  t.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  t.link('/var/run', '/run').link('/var/lock', '/run/lock');
  t.exe('/bin/busybox', 'busybox', 924_224);
  t.links('/bin', BUSYBOX_BIN, '/bin/busybox').links('/sbin', BUSYBOX_SBIN, '/bin/busybox');
  t.links('/usr/bin', BUSYBOX_USR_BIN, '/bin/busybox').links('/usr/sbin', BUSYBOX_USR_SBIN, '/bin/busybox');
  t.exe('/sbin/apk', 'apk', 120_000).exe('/sbin/ldconfig', 'ldconfig', 393).exe('/usr/bin/getent', 'getent', 4_000);
  t.exe('/usr/bin/scanelf', 'scanelf', 100_000).exe('/usr/bin/ssl_client', 'ssl_client', 14_000);
  t.file('/lib/ld-musl-x86_64.so.1', '', { mode: 0o755, size: 658_248 });
  t.link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  accounts(t, 'alpine');
  const [major, minor] = version.split('.');
  t.file('/etc/alpine-release', version + '\n');
  t.file('/etc/os-release', alpineOsRelease(version));
  t.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${major}.${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${major}.${minor}/community\n`);
  t.file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\n');
  t.file('/etc/profile', 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n');
  t.file('/etc/motd', 'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n');
  t.bulk('/lib/apk/db/installed').bulk('/lib/libcrypto.so.3').bulk('/etc/ssl/certs/ca-certificates.crt');
  return t;
}

/** The busybox image: one static binary and a link per applet, no package manager. */
export function busyboxRoot(mtime: number): Tree {
  const t = new Tree(mtime);
  t.dirs('/dev /etc /home /lib /usr/sbin /var/spool/mail /var/www');
  t.dir('/root', 0o700).dir('/tmp', 0o1777);
  t.exe('/bin/busybox', 'busybox', 1_131_936);
  const all = `${BUSYBOX_BIN} ${BUSYBOX_SBIN} ${BUSYBOX_USR_BIN} ${BUSYBOX_USR_SBIN}`;
  // busybox:latest keeps every applet in /bin as a hard link; symlinks behave the same here.
  for (const n of new Set(all.split(/\s+/).filter(Boolean))) if (n !== 'busybox') t.link('/bin/' + n, 'busybox');
  t.file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
  t.file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n');
  t.file('/etc/shadow', 'root:*::0:::::\ndaemon:*:::::::\nbin:*:::::::\nsys:*:::::::\nsync:*:::::::\nmail:*:::::::\nwww-data:*:::::::\noperator:*:::::::\nnobody:*:::::::\n', { mode: 0o600 });
  t.file('/etc/hostname', '').file('/etc/hosts', '').file('/etc/resolv.conf', '');
  t.file('/etc/localtime', '', { size: 127 }).file('/etc/nsswitch.conf', 'hosts: files dns\n');
  t.bulk('/lib/libc.so.6');
  return t;
}

export function centosBase(version: string, prettyName: string, mtime: number): Tree {
  const t = new Tree(mtime);
  t.dirs('/boot /dev /etc/yum.repos.d /home /media /mnt /opt /proc /run /srv /sys /usr/local/bin /usr/share/doc /var/cache/yum /var/lib/rpm /var/log /var/spool');
  t.dir('/root', 0o550).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  t.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  t.exes('/usr/bin', `${COREUTILS_BIN} ${COREUTILS_USR} bash grep egrep fgrep sed tar gzip gunzip zcat hostname su mount umount more find xargs diff cmp which clear tput reset getent ldd locale iconv passwd setsid rev whereis renice nsenter unshare logger flock getopt rpm yum python3 ps kill pgrep pkill top free uptime watch vi`, 70_000);
  t.exes('/usr/sbin', 'useradd userdel usermod groupadd groupdel groupmod chroot nologin ldconfig', 60_000);
  t.link('/usr/bin/sh', 'bash');
  if (!version.startsWith('7')) t.link('/usr/bin/dnf', 'dnf-3').exe('/usr/bin/dnf-3', 'dnf', 2_000);
  accounts(t, 'centos');
  // bash's prompt on CentOS comes from here: `[root@<id> /]#`.
  t.file('/etc/bashrc', '# /etc/bashrc\n\n# System wide functions and aliases\n# Environment stuff goes in /etc/profile\n\nif [ "$PS1" ]; then\n  [ "$PS1" = "\\\\s-\\\\v\\\\\\$ " ] && PS1="[\\u@\\h \\W]\\\\$ "\nfi\n');
  t.file('/root/.bashrc', '# .bashrc\n\n# Source global definitions\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n');
  t.file('/etc/centos-release', `${prettyName}\n`).link('/etc/redhat-release', 'centos-release').link('/etc/system-release', 'centos-release');
  t.file('/etc/os-release', `NAME="CentOS Linux"\nVERSION="${version.startsWith('7') ? '7 (Core)' : '8'}"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="${version[0]}"\nPRETTY_NAME="CentOS Linux ${version.startsWith('7') ? '7 (Core)' : '8'}"\nANSI_COLOR="0;31"\nHOME_URL="https://centos.org/"\nBUG_REPORT_URL="https://bugs.centos.org/"\n`);
  t.bulk('/var/lib/rpm/Packages').bulk('/usr/lib64/libc.so.6').bulk('/usr/lib/locale/locale-archive');
  return t;
}
