/**
 * A platform specifier (`linux/amd64`, `arm64`, `linux/arm/v7`, `windows(10.0.17763)/amd64`) parsed
 * as containerd's `platforms.Parse` does (github.com/containerd/platforms, the version vendored by
 * docker/cli and moby 28.5): the CLI parses `--platform` of `run`, `create`, `save`, `load`,
 * `history`, `inspect`, `push` and `rmi` before it calls the daemon; the daemon parses it for
 * `pull`, `import` and `build`. The error texts are containerd's, ending in `: invalid argument`
 * (its errInvalidArgument); callers add their own prefix.
 *
 * Parsing only: a valid platform that is not this machine's (linux/amd64) is passed on as before.
 */
import { goQuote } from './go-quote';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  osVersion?: string;
}

export class PlatformError extends Error {}

/** The simulated machine's runtime.GOOS / GOARCH, which fill in a one-word specifier. */
const GOOS = 'linux';
const GOARCH = 'amd64';

const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

const invalid = (text: string) => new PlatformError(`${text}: invalid argument`);

function normalizeOS(os: string): string {
  if (os === '') return GOOS;
  os = os.toLowerCase();
  return os === 'macos' ? 'darwin' : os;
}

/** `x86_64` → `amd64`, `aarch64` → `arm64`, `armhf` → `arm/v7` …, as containerd's normalizeArch. */
export function normalizeArch(arch: string, variant: string): [string, string] {
  arch = arch.toLowerCase();
  variant = variant.toLowerCase();
  switch (arch) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', variant === 'v1' ? '' : variant];
    case 'aarch64':
    case 'arm64':
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      else if (variant === '9' || variant === '9.0' || variant === 'v9.0') variant = 'v9';
      return ['arm64', variant];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (variant === '5' || variant === '6' || variant === '8') variant = 'v' + variant;
      return ['arm', variant];
  }
  return [arch, variant];
}

function platform(os: string, architecture: string, variant: string, osVersion: string): Platform {
  const p: Platform = { os, architecture };
  if (variant) p.variant = variant;
  if (osVersion) p.osVersion = osVersion;
  return p;
}

/** containerd's platforms.Parse; throws PlatformError with its message. */
export function parsePlatform(specifier: string): Platform {
  const q = goQuote(specifier);
  if (specifier.includes('*')) throw invalid(`${q}: wildcards not yet supported`);
  // strings.SplitN(specifier, "/", 4): at most four parts, the last one keeps any further slashes.
  const all = specifier.split('/');
  const parts = all.length > 4 ? [...all.slice(0, 3), all.slice(3).join('/')] : all;
  let os = '';
  let osVersion = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      const m = OS_AND_VERSION.exec(part);
      if (!m) throw invalid(`${goQuote(part)} is an invalid OS component of ${q}: OSAndVersion specifier component must match ${goQuote(OS_AND_VERSION.source)}`);
      os = normalizeOS(m[1]);
      osVersion = m[2] ?? '';
    } else if (!SPECIFIER.test(part)) {
      throw invalid(`${goQuote(part)} is an invalid component of ${q}: platform specifier component must match ${goQuote(SPECIFIER.source)}`);
    }
  }
  switch (parts.length) {
    case 1: {
      // One word: an OS (the architecture is this machine's), else an architecture (on this OS).
      if (KNOWN_OS.has(os)) return platform(os, GOARCH, '', osVersion);
      let [arch, variant] = normalizeArch(parts[0], '');
      if (arch === 'arm' && variant === 'v7') variant = '';
      if (KNOWN_ARCH.has(arch)) return platform(GOOS, arch, variant, osVersion);
      throw invalid(`${q}: unknown operating system or architecture`);
    }
    case 2: {
      let [arch, variant] = normalizeArch(parts[1], '');
      if (arch === 'arm' && variant === 'v7') variant = '';
      return platform(os, arch, variant, osVersion);
    }
    case 3: {
      let [arch, variant] = normalizeArch(parts[1], parts[2]);
      if (arch === 'arm64' && variant === '') variant = 'v8';
      return platform(os, arch, variant, osVersion);
    }
  }
  throw invalid(`${q}: cannot parse platform specifier`);
}

/** The parse error's text, or undefined when the specifier is valid. */
export function platformError(specifier: string): string | undefined {
  try {
    parsePlatform(specifier);
    return undefined;
  } catch (e) {
    if (e instanceof PlatformError) return e.message;
    throw e;
  }
}
