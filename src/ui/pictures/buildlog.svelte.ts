/**
 * The page's one build log: subscribed once (from App) so a build that runs while another tab is
 * open is there when the learner comes back to the layer picture.
 */
import { onEvents } from '../client';
import { applyBuildEvent, type BuildLog } from './buildlog';

export const buildLog = $state<{ current?: BuildLog }>({});

export function followBuilds(): () => void {
  return onEvents((events) => {
    let log = buildLog.current;
    for (const e of events) log = applyBuildEvent(log, e);
    if (log !== buildLog.current) buildLog.current = log;
  });
}
