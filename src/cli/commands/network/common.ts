/**
 * The network verbs' access to the daemon (`docker network create|ls|inspect|rm|connect|disconnect|prune`
 * and `docker port`): the CLI side of the daemon's networks (../../../engine/network).
 */
import { DaemonError } from '../../../api/daemon';
import { CliError, type Handler } from '../../framework/types';
import { daemonMessage, daemonOf } from '../shared/common';

type Api = Required<Pick<ReturnType<typeof daemonOf>, 'networkList' | 'networkInspect' | 'networkCreate' | 'networkRemove' | 'networkConnect' | 'networkDisconnect' | 'networkPrune' | 'containerPort'>>;

export function api(ctx: Parameters<Handler>[0]): Api {
  const d = daemonOf(ctx);
  if (!d.networkList || !d.containerPort) throw new CliError('docker network: not simulated yet', 1);
  return d as unknown as Api;
}

export async function daemonCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
}
