/** `docker container update`: Update configuration of one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { updateRun } from '../../verbs/update';

export const spec: CommandSpec = {
  "name": "update",
  "use": "update [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Update configuration of one or more containers",
  "aliasesLine": "docker container update, docker update",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "blkio-weight", "type": "uint16", "usage": "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", "default": "0"},
    {"long": "cpu-period", "type": "int64", "usage": "Limit CPU CFS (Completely Fair Scheduler) period", "default": "0"},
    {"long": "cpu-quota", "type": "int64", "usage": "Limit CPU CFS (Completely Fair Scheduler) quota", "default": "0"},
    {"long": "cpu-rt-period", "type": "int64", "usage": "Limit the CPU real-time period in microseconds", "default": "0"},
    {"long": "cpu-rt-runtime", "type": "int64", "usage": "Limit the CPU real-time runtime in microseconds", "default": "0"},
    {"long": "cpu-shares", "type": "int64", "usage": "CPU shares (relative weight)", "short": "c", "default": "0"},
    {"long": "cpus", "type": "decimal", "usage": "Number of CPUs"},
    {"long": "cpuset-cpus", "type": "string", "usage": "CPUs in which to allow execution (0-3, 0,1)"},
    {"long": "cpuset-mems", "type": "string", "usage": "MEMs in which to allow execution (0-3, 0,1)"},
    {"long": "memory", "type": "bytes", "usage": "Memory limit", "short": "m", "default": "0"},
    {"long": "memory-reservation", "type": "bytes", "usage": "Memory soft limit", "default": "0"},
    {"long": "memory-swap", "type": "bytes", "usage": "Swap limit equal to memory plus swap: -1 to enable unlimited swap", "default": "0"},
    {"long": "pids-limit", "type": "int64", "usage": "Tune container pids limit (set -1 for unlimited)", "default": "0"},
    {"long": "restart", "type": "string", "usage": "Restart policy to apply when a container exits"}
  ],
  run: updateRun
};
