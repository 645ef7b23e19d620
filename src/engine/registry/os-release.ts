/**
 * The release files each official Debian and Ubuntu image ships, as the real images have them:
 * /etc/os-release (its field order and URLs changed between releases: wheezy's ANSI_COLOR and
 * http links, xenial's http links, noble's LOGO) and the apt sources the image names
 * (/etc/apt/sources.list, or the deb822 files bookworm and noble moved to).
 */
import type { DebianOptions } from './distros';

const UBUNTU_URLS = 'HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n';
const UBUNTU_NAMES: Record<string, string> = { wily: 'Wily Werewolf', xenial: 'Xenial Xerus', bionic: 'Bionic Beaver', focal: 'Focal Fossa', hirsute: 'Hirsute Hippo', jammy: 'Jammy Jellyfish', noble: 'Noble Numbat' };

export function osRelease(o: DebianOptions): string {
  if (o.id === 'ubuntu') {
    const point = o.prettyName.replace(/^Ubuntu /, '');
    const version = `${point} (${UBUNTU_NAMES[o.codename] ?? o.codename})`;
    // jammy and later put PRETTY_NAME first (base-files 12); earlier releases start with NAME.
    if (o.codename === 'jammy' || o.codename === 'noble') {
      return `PRETTY_NAME="${o.prettyName}"\nNAME="Ubuntu"\nVERSION_ID="${o.version}"\nVERSION="${version}"\nVERSION_CODENAME=${o.codename}\nID=ubuntu\nID_LIKE=debian\n${UBUNTU_URLS}UBUNTU_CODENAME=${o.codename}\n${o.codename === 'noble' ? 'LOGO=ubuntu-logo\n' : ''}`;
    }
    const head = `NAME="Ubuntu"\nVERSION="${version}"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="${o.prettyName}"\nVERSION_ID="${o.version}"\n`;
    if (o.codename === 'wily') return head + 'HOME_URL="http://www.ubuntu.com/"\nSUPPORT_URL="http://help.ubuntu.com/"\nBUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"\n';
    if (o.codename === 'xenial') return head + `HOME_URL="http://www.ubuntu.com/"\nSUPPORT_URL="http://help.ubuntu.com/"\nBUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"\nVERSION_CODENAME=xenial\nUBUNTU_CODENAME=xenial\n`;
    return head + UBUNTU_URLS + `VERSION_CODENAME=${o.codename}\nUBUNTU_CODENAME=${o.codename}\n`;
  }
  if (o.codename === 'wheezy') {
    return `PRETTY_NAME="${o.prettyName}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${o.version}"\nVERSION="${o.version} (${o.codename})"\nID=debian\nANSI_COLOR="1;31"\nHOME_URL="http://www.debian.org/"\nSUPPORT_URL="http://www.debian.org/support/"\nBUG_REPORT_URL="http://bugs.debian.org/"\n`;
  }
  return `PRETTY_NAME="${o.prettyName}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${o.version}"\nVERSION="${o.version} (${o.codename})"\nVERSION_CODENAME=${o.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
}

/** Alpine's /etc/os-release (alpine-release's file: the full version, the minor in PRETTY_NAME). */
export function alpineOsRelease(version: string): string {
  const [major, minor] = version.split('.');
  const bugs = Number(minor) >= 14 || Number(major) > 3 ? 'https://gitlab.alpinelinux.org/alpine/aports/-/issues' : 'https://bugs.alpinelinux.org/';
  return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${major}.${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="${bugs}"\n`;
}

/** The apt sources an image ships: [path, text]. */
export function aptSources(o: DebianOptions): [string, string] {
  const c = o.codename;
  if (o.id === 'ubuntu') {
    if (c === 'noble') {
      return ['/etc/apt/sources.list.d/ubuntu.sources', `Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: noble-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`];
    }
    const a = 'http://archive.ubuntu.com/ubuntu/';
    const lines = [`deb ${a} ${c} main restricted`, `deb ${a} ${c}-updates main restricted`, `deb ${a} ${c} universe`, `deb ${a} ${c}-updates universe`, `deb ${a} ${c} multiverse`, `deb ${a} ${c}-updates multiverse`, `deb ${a} ${c}-backports main restricted universe multiverse`];
    const s = 'http://security.ubuntu.com/ubuntu/';
    lines.push(`deb ${s} ${c}-security main restricted`, `deb ${s} ${c}-security universe`, `deb ${s} ${c}-security multiverse`);
    return ['/etc/apt/sources.list', lines.join('\n') + '\n'];
  }
  if (c === 'bookworm') {
    return ['/etc/apt/sources.list.d/debian.sources', `Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`];
  }
  const security = c === 'buster' ? `deb http://deb.debian.org/debian-security ${c}/updates main` : c === 'bullseye' ? `deb http://deb.debian.org/debian-security ${c}-security main` : c === 'wheezy' ? `deb http://security.debian.org ${c}/updates main` : `deb http://security.debian.org/debian-security ${c}/updates main`;
  const lines = c === 'wheezy'
    ? [`deb http://deb.debian.org/debian ${c} main`, `deb http://deb.debian.org/debian ${c}-updates main`, security]
    : [`deb http://deb.debian.org/debian ${c} main`, security, `deb http://deb.debian.org/debian ${c}-updates main`];
  return ['/etc/apt/sources.list', lines.filter(Boolean).join('\n') + '\n'];
}
