/**
 * The network verbs' access to the daemon (`docker network create|ls|inspect|rm|connect|disconnect|prune`
 * and `docker port`): the CLI side of the daemon's networks (../../../engine/network).
 */
import { daemonOf } from '../shared/common';

export const api = daemonOf;

