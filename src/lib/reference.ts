/**
 * Docker image references, following github.com/distribution/reference (the package the CLI and
 * the daemon vendor): the grammar, normalisation to `docker.io/library/NAME:TAG`, the familiar
 * form users see, and the exact error texts. Errors are thrown as InvalidReference whose message
 * is what Docker prints after `Error response from daemon: ` (or `docker: ` on the CLI side).
 */

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar, transcribed from distribution/reference regexp.go.
const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const namePat = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE_RE = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const ANCHORED_ID_RE = /^[a-f0-9]{64}$/;
const TAG_RE = new RegExp(`^${tagPat}$`);
const SHA256_HEX_RE = /^[a-f0-9]{64}$/;

export class InvalidReference extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReference';
  }
}

/** A parsed, normalised reference. `domain` + `/` + `path` is the full repository name. */
export interface ImageRef {
  domain: string;
  /** Repository path inside the registry: `library/ubuntu`, `user/app`. */
  path: string;
  tag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
}

/** go-digest's validation of the digest part (only sha256 is registered in Docker's build). */
function checkDigest(d: string): void {
  const i = d.indexOf(':');
  const alg = d.slice(0, i);
  const hex = d.slice(i + 1);
  if (alg !== 'sha256' && alg !== 'sha384' && alg !== 'sha512') {
    throw new InvalidReference('unsupported digest algorithm');
  }
  const len = alg === 'sha256' ? 64 : alg === 'sha384' ? 96 : 128;
  if (hex.length !== len) throw new InvalidReference('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(hex)) throw new InvalidReference('invalid checksum digest format');
}

/** reference.Parse: the strict grammar, no normalisation (buildx checks `-t` values with it). */
export function parseStrict(s: string): { name: string; tag?: string; digest?: string } {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === '') throw new InvalidReference('repository name must have at least one component');
    if (REFERENCE_RE.test(s.toLowerCase())) throw new InvalidReference('repository name must be lowercase');
    throw new InvalidReference('invalid reference format');
  }
  if (m[1].length > NAME_TOTAL_LENGTH_MAX) {
    throw new InvalidReference(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  if (m[3] !== undefined) checkDigest(m[3]);
  return { name: m[1], tag: m[2], digest: m[3] };
}

/** splitDockerDomain: the first component is a registry only if it looks like a host. */
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let rest: string;
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    rest = name;
  } else {
    domain = first;
    rest = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes('/')) rest = OFFICIAL_PREFIX + rest;
  return [domain, rest];
}

/**
 * reference.ParseNormalizedNamed: what `docker pull/run/tag/push` apply to what the user typed.
 * Throws InvalidReference with Docker's message.
 */
export function parseReference(s: string): ImageRef {
  if (ANCHORED_ID_RE.test(s)) {
    throw new InvalidReference(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, rest] = splitDockerDomain(s);
  const colon = rest.indexOf(':');
  const remoteName = colon > -1 ? rest.slice(0, colon) : rest;
  if (remoteName.toLowerCase() !== remoteName) {
    throw new InvalidReference(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const p = parseStrict(domain + '/' + rest);
  const slash = p.name.indexOf('/');
  const ref: ImageRef = { domain: p.name.slice(0, slash), path: p.name.slice(slash + 1) };
  if (p.tag !== undefined) ref.tag = p.tag;
  if (p.digest !== undefined) ref.digest = p.digest;
  return ref;
}

/** parseReference without throwing: the reference, or Docker's error text. */
export function tryParseReference(s: string): { ref: ImageRef } | { error: string } {
  try {
    return { ref: parseReference(s) };
  } catch (e) {
    if (e instanceof InvalidReference) return { error: e.message };
    throw e;
  }
}

/**
 * reference.ParseAnyReference: a bare 64-hex string or `sha256:<64hex>` is an image ID (digest
 * only); anything else is a normalised named reference.
 */
export function parseAnyReference(s: string): { id: string } | ImageRef {
  if (ANCHORED_ID_RE.test(s)) return { id: 'sha256:' + s };
  if (s.startsWith('sha256:') && SHA256_HEX_RE.test(s.slice(7))) return { id: s };
  return parseReference(s);
}

/** Is `tag` a valid tag (for `docker tag`, `docker build -t`)? */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/** `docker.io/library/ubuntu` */
export function fullName(ref: ImageRef): string {
  return ref.domain + '/' + ref.path;
}

/** `ubuntu`, `user/app`, `localhost:5000/app`: what users type and `docker images` prints. */
export function familiarName(ref: ImageRef): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  if (ref.path.startsWith(OFFICIAL_PREFIX) && ref.path.indexOf('/', OFFICIAL_PREFIX.length) === -1) {
    return ref.path.slice(OFFICIAL_PREFIX.length);
  }
  return ref.path;
}

function suffix(ref: ImageRef): string {
  return (ref.tag !== undefined ? ':' + ref.tag : '') + (ref.digest !== undefined ? '@' + ref.digest : '');
}

/** reference.FamiliarString: `ubuntu:latest`, `ubuntu@sha256:…`, `ubuntu` (name only). */
export function familiarString(ref: ImageRef): string {
  return familiarName(ref) + suffix(ref);
}

/** The normalised string: `docker.io/library/ubuntu:latest`. */
export function fullString(ref: ImageRef): string {
  return fullName(ref) + suffix(ref);
}

/** reference.TagNameOnly: a name without tag or digest gets `:latest`. */
export function tagNameOnly(ref: ImageRef): ImageRef {
  if (ref.tag === undefined && ref.digest === undefined) return { ...ref, tag: 'latest' };
  return ref;
}

/** Normalise a user string to `docker.io/library/ubuntu:latest` (throws InvalidReference). */
export function normalize(s: string): string {
  return fullString(tagNameOnly(parseReference(s)));
}

/** Familiar form with `:latest` added: `ubuntu` → `ubuntu:latest` (throws InvalidReference). */
export function familiarize(s: string): string {
  return familiarString(tagNameOnly(parseReference(s)));
}

/** The repository without tag/digest: `docker.io/library/ubuntu:18.04` → same ref, name only. */
export function trimNamed(ref: ImageRef): ImageRef {
  return { domain: ref.domain, path: ref.path };
}
