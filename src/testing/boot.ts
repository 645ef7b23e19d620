/**
 * Boot a machine with the docker client installed, as the page and the headless runner do. Tests
 * below src/engine use this instead of importing src/cli themselves (the engine never imports the
 * client; only what sits above both, like this folder, puts them together).
 */
import { Machine, type BootOptions } from '../engine/machine';
import { dockerClient } from '../cli/client';

export function bootMachine(opts: BootOptions = {}): Promise<Machine> {
  return Machine.boot({ client: dockerClient, ...opts });
}
