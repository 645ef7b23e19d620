/** `docker image build`: Build an image from a Dockerfile (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { buildRun } from '../../verbs/build';

export const spec: CommandSpec = {
  "name": "build",
  "use": "build [OPTIONS] PATH | URL | -",
  "short": "Build an image from a Dockerfile",
  "aliasesLine": "docker image build, docker build, docker builder build",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "add-host", "type": "list", "usage": "Add a custom host-to-IP mapping (\"host:ip\")"},
    {"long": "build-arg", "type": "list", "usage": "Set build-time variables"},
    {"long": "cache-from", "type": "stringSlice", "usage": "Images to consider as cache sources"},
    {"long": "cgroup-parent", "type": "string", "usage": "Set the parent cgroup for the \"RUN\" instructions during build"},
    {"long": "compress", "type": "bool", "usage": "Compress the build context using gzip"},
    {"long": "cpu-period", "type": "int64", "usage": "Limit the CPU CFS (Completely Fair Scheduler) period", "default": "0"},
    {"long": "cpu-quota", "type": "int64", "usage": "Limit the CPU CFS (Completely Fair Scheduler) quota", "default": "0"},
    {"long": "cpu-shares", "type": "int64", "usage": "CPU shares (relative weight)", "short": "c", "default": "0"},
    {"long": "cpuset-cpus", "type": "string", "usage": "CPUs in which to allow execution (0-3, 0,1)"},
    {"long": "cpuset-mems", "type": "string", "usage": "MEMs in which to allow execution (0-3, 0,1)"},
    {"long": "disable-content-trust", "type": "bool", "usage": "Skip image verification", "default": "true"},
    {"long": "file", "type": "string", "usage": "Name of the Dockerfile (Default is \"PATH/Dockerfile\")", "short": "f"},
    {"long": "force-rm", "type": "bool", "usage": "Always remove intermediate containers"},
    {"long": "iidfile", "type": "string", "usage": "Write the image ID to the file"},
    {"long": "isolation", "type": "string", "usage": "Container isolation technology"},
    {"long": "label", "type": "list", "usage": "Set metadata for an image"},
    {"long": "memory", "type": "bytes", "usage": "Memory limit", "short": "m", "default": "0"},
    {"long": "memory-swap", "type": "bytes", "usage": "Swap limit equal to memory plus swap: -1 to enable unlimited swap", "default": "0"},
    {"long": "network", "type": "string", "usage": "Set the networking mode for the RUN instructions during build", "default": "default"},
    {"long": "no-cache", "type": "bool", "usage": "Do not use cache when building the image"},
    {"long": "platform", "type": "string", "usage": "Set platform if server is multi-platform capable"},
    {"long": "progress", "type": "string", "usage": "Set type of progress output (\"auto\", \"plain\", \"tty\", \"quiet\", \"rawjson\"). Use plain to show container output", "default": "auto", "hidden": true},
    {"long": "pull", "type": "bool", "usage": "Always attempt to pull a newer version of the image"},
    {"long": "quiet", "type": "bool", "usage": "Suppress the build output and print image ID on success", "short": "q"},
    {"long": "rm", "type": "bool", "usage": "Remove intermediate containers after a successful build", "default": "true"},
    {"long": "security-opt", "type": "stringSlice", "usage": "Security options"},
    {"long": "shm-size", "type": "bytes", "usage": "Size of \"/dev/shm\"", "default": "0"},
    {"long": "squash", "type": "bool", "usage": "Squash newly built layers into a single new layer"},
    {"long": "tag", "type": "list", "usage": "Name and optionally a tag in the \"name:tag\" format", "short": "t"},
    {"long": "target", "type": "string", "usage": "Set the target build stage to build."},
    {"long": "ulimit", "type": "ulimit", "usage": "Ulimit options"}
  ],
  run: buildRun
};
