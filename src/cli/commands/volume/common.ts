/** The volume verbs' access to the daemon (`docker volume create|ls|inspect|rm|prune`). */
import { daemonOf } from '../shared/common';

export const api = daemonOf;
