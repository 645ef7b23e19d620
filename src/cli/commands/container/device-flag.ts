/**
 * `--device [HOST:]CONTAINER[:PERMISSIONS]` as docker-cli reads it for a Linux daemon
 * (cli/command/container/opts.go v28.5.2: validateLinuxPath, then parseLinuxDevice). The daemon
 * looks the host path up when the container starts (../../../engine/daemon/devices.ts). A CDI name
 * (`vendor.com/class=name`) is not a path: the CLI passes it on as a device request
 * (device-requests.ts).
 */
import { normalize } from '../../../lib/path';

/** Go's path.Clean where it matters: a relative container path is refused right after anyway. */
const cleanPath = (p: string) => (p.startsWith('/') ? normalize(p) : p);

export interface DeviceMapping {
  PathOnHost: string;
  PathInContainer: string;
  CgroupPermissions: string;
}

/** cgroup device permissions: some of r, w, m, each once (validDeviceMode). */
function validDeviceMode(mode: string): boolean {
  if (mode === '' || mode.length > 3) return false;
  const seen = new Set<string>();
  for (const c of mode) {
    if (!'rwm'.includes(c) || seen.has(c)) return false;
    seen.add(c);
  }
  return true;
}

/** tags.cncf.io/container-device-interface parser.IsQualifiedName: `vendor/class=name`. */
export function isCdiName(device: string): boolean {
  return /^[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)*\/[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?=[A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9])?$/.test(device);
}

/** validateLinuxPath: returns the cleaned spec or throws docker-cli's error text. */
function validateLinuxPath(val: string): string {
  if ((val.match(/:/g) ?? []).length > 2) throw new Error(`bad format for path: ${val}`);
  const split = val.split(':');
  if (split[0] === '') throw new Error(`bad format for path: ${val}`);
  let containerPath: string;
  if (split.length === 1) {
    containerPath = split[0];
    val = cleanPath(containerPath);
  } else if (split.length === 2) {
    if (validDeviceMode(split[1])) {
      containerPath = split[0];
      val = `${cleanPath(containerPath)}:${split[1]}`;
    } else {
      containerPath = split[1];
      val = `${split[0]}:${cleanPath(containerPath)}`;
    }
  } else {
    containerPath = split[1];
    if (!validDeviceMode(split[2])) throw new Error(`bad mode specified: ${split[2]}`);
  }
  if (!containerPath.startsWith('/')) throw new Error(`${containerPath} is not an absolute path`);
  return val;
}

/** parseLinuxDevice, after validation. */
function parseLinuxDevice(device: string): DeviceMapping {
  const arr = device.split(':');
  const src = arr[0];
  let dst = '';
  let permissions = 'rwm';
  if (arr.length === 3) permissions = arr[2];
  if (arr.length >= 2) {
    if (validDeviceMode(arr[1])) permissions = arr[1];
    else dst = arr[1];
  }
  return { PathOnHost: src, PathInContainer: dst || src, CgroupPermissions: permissions };
}

/** Every `--device` value as HostConfig.Devices; throws with docker-cli's text for a bad one. */
export function parseDevices(values: string[]): DeviceMapping[] {
  return values.filter((d) => !isCdiName(d)).map((d) => parseLinuxDevice(validateLinuxPath(d)));
}
