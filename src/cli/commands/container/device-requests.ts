/**
 * HostConfig.DeviceRequests from `--gpus` and from CDI names given to `--device`, as docker-cli
 * v28.5.2 builds them: one request per `--gpus` value (../../framework/gpu-opts.ts), and one `cdi`
 * request holding every `vendor.com/class=name` given to `--device` (cli/command/container/opts.go
 * parse). The daemon matches them to a device driver when the container starts
 * (../../../engine/daemon/devices.ts).
 */
import { isCdiName } from './device-flag';
import { parseGpuRequest, type DeviceRequest } from '../../framework/gpu-opts';

/** `{ DeviceRequests }` for the host config, or nothing when neither flag asks for a device. */
export function deviceRequestsOf(devices: string[], gpus: string[]): { DeviceRequests?: DeviceRequest[] } {
  const requests = gpus.map(parseGpuRequest);
  const cdi = devices.filter(isCdiName);
  if (cdi.length) requests.push({ Driver: 'cdi', Count: 0, DeviceIDs: cdi, Capabilities: [['cdi']], Options: null });
  return requests.length ? { DeviceRequests: requests } : {};
}
