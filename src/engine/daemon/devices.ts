/**
 * `--device`: when a container starts, moby looks each HostConfig.Devices path up on the host
 * (oci/devices_linux.go DevicesFromPath, v28.5.2): a device node is added; a folder adds the device
 * nodes under it; anything else fails the start with `error gathering device information while
 * adding custom device "<path>": <why>` (`no such file or directory`, `not a device node`).
 *
 * Then each HostConfig.DeviceRequests entry (`--gpus`, CDI names given to `--device`) goes to a
 * device driver (daemon/devices.go handleDevice): the `cdi` driver resolves names against the CDI
 * specs in /etc/cdi and /var/run/cdi (daemon/cdi.go; none on this host, so every name is
 * `unresolvable`); a request with no driver goes to the first driver whose capabilities match, and
 * none here has `gpu` (the nvidia driver registers only where nvidia-container-runtime-hook is
 * installed), so `--gpus` fails with `could not select device driver "" with capabilities: [[gpu]]`.
 *
 * Simulated: the host's /dev holds no nodes on disk (programs know the device paths,
 * ../programs/lib/devices.ts), so the host's device nodes are this list. Left out: the node does
 * not appear in the container's /dev, cgroup permissions are not enforced, and CDI spec files a
 * learner writes are not read.
 */
import { DaemonError } from '../../api/errors';
import type { Fs } from '../../api/fs';
import { goQuote } from '../../lib/go-quote';

const HOST_DEVICES = ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/console', '/dev/ptmx', '/dev/kmsg', '/dev/mem', '/dev/fuse', '/dev/net/tun', '/dev/sda', '/dev/sda1', '/dev/sda2'];

/** Throw moby's start error for the first `--device` the host does not have. */
export function checkDevices(hostConfig: Record<string, unknown>, host: Fs | undefined): void {
  const devices = Array.isArray(hostConfig.Devices) ? (hostConfig.Devices as { PathOnHost?: unknown }[]) : [];
  for (const d of devices) {
    const path = String(d?.PathOnHost ?? '');
    let resolved = path;
    let why = 'no such file or directory';
    try {
      resolved = host ? host.realpath(path) : path;
      if (host?.stat(resolved).kind === 'dir') {
        if (HOST_DEVICES.some((dev) => dev.startsWith(resolved === '/' ? '/' : resolved + '/'))) continue;
      }
      why = 'not a device node';
    } catch {
      /* not on the host: no such file or directory */
    }
    if (HOST_DEVICES.includes(resolved) || HOST_DEVICES.includes(path)) continue;
    throw new DaemonError(`error gathering device information while adding custom device ${goQuote(path)}: ${why}`, 500);
  }
}

interface DeviceRequest {
  Driver?: unknown;
  DeviceIDs?: unknown;
  Capabilities?: unknown;
}

/** Go's %v of a [][]string: `[[gpu utility]]`. */
const goSliceOfSlices = (caps: unknown): string =>
  `[${(Array.isArray(caps) ? caps : []).map((c) => `[${(Array.isArray(c) ? c : []).join(' ')}]`).join(' ')}]`;

/** Throw moby's start error for the first device request no driver on this host can serve. */
export function checkDeviceRequests(hostConfig: Record<string, unknown>): void {
  const requests = Array.isArray(hostConfig.DeviceRequests) ? (hostConfig.DeviceRequests as DeviceRequest[]) : [];
  for (const req of requests) {
    const driver = typeof req?.Driver === 'string' ? req.Driver : '';
    if (driver === 'cdi') {
      const names = Array.isArray(req.DeviceIDs) ? req.DeviceIDs.map(String) : [];
      if (names.length) throw new DaemonError(`CDI device injection failed: unresolvable CDI devices ${names.join(', ')}`, 500);
      continue;
    }
    throw new DaemonError(`could not select device driver ${goQuote(driver)} with capabilities: ${goSliceOfSlices(req?.Capabilities)}`, 500);
  }
}
