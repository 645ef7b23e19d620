/**
 * `--device`: when a container starts, moby looks each HostConfig.Devices path up on the host
 * (oci/devices_linux.go DevicesFromPath, v28.5.2): a device node is added; a folder adds the device
 * nodes under it; anything else fails the start with `error gathering device information while
 * adding custom device "<path>": <why>` (`no such file or directory`, `not a device node`).
 *
 * Simulated: the host's /dev holds no nodes on disk (programs know the device paths,
 * ../programs/lib/devices.ts), so the host's device nodes are this list. Left out: the node does
 * not appear in the container's /dev, and cgroup permissions are not enforced.
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
