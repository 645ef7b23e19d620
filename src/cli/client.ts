/**
 * The docker client as one object the machine is given at boot (src/api/client.ts): the `docker`
 * CLI, Compose (loaded on first use), and the client's Tab completion.
 */
import type { DockerClient } from '../api/client';
import { runDockerCli } from './framework/cli';
import { isComposeVerb, runCompose } from './compose/lazy';
import { completeDocker } from './completion/complete';

export const dockerClient: DockerClient = {
  docker: runDockerCli,
  compose: runCompose,
  isComposeVerb,
  complete: completeDocker,
};
