/** The volume verbs' access to the daemon (`docker volume create|ls|inspect|rm|prune`). */
import { CliError, type Handler } from '../../framework/types';
import { daemonOf } from '../shared/common';

export function api(ctx: Parameters<Handler>[0]) {
  const d = daemonOf(ctx);
  if (!d.volumeCreate || !d.volumeList || !d.volumeInspect || !d.volumeRemove || !d.volumePrune) throw new CliError('docker volume: not simulated yet', 1);
  return d as Required<Pick<typeof d, 'volumeCreate' | 'volumeList' | 'volumeInspect' | 'volumeRemove' | 'volumePrune'>>;
}
