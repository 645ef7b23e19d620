/**
 * The network verbs' access to the daemon (`docker network create|ls|inspect|rm|connect|disconnect|prune`
 * and `docker port`): the CLI side of the daemon's networks (../../../engine/network).
 */
import { CliError, type Handler } from '../../framework/types';
import { daemonOf } from '../shared/common';

type Api = Required<Pick<ReturnType<typeof daemonOf>, 'networkList' | 'networkInspect' | 'networkCreate' | 'networkRemove' | 'networkConnect' | 'networkDisconnect' | 'networkPrune' | 'containerPort'>>;

export function api(ctx: Parameters<Handler>[0]): Api {
  const d = daemonOf(ctx);
  if (!d.networkList || !d.containerPort) throw new CliError('docker network: not simulated yet', 1);
  return d as unknown as Api;
}

