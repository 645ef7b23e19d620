/**
 * The keys dockerd 28.5 accepts in /etc/docker/daemon.json. moby's findConfigurationConflicts
 * (daemon/config/config.go, v28.5.2) accepts a key when it is a dockerd flag name, the Name() of a
 * flag's NamedOption value (`labels` for --label, `registry-mirrors` for --registry-mirror …) or
 * one of skipValidateOptions; anything else stops the daemon. Collected from cmd/dockerd/*.go and
 * opts/*.go at v28.5.2 (Linux build).
 */
const FLAG_NAMES = [
  'add-runtime', 'allow-direct-routing', 'allow-nondistributable-artifacts', 'api-cors-header', 'authorization-plugin', 'bip',
  'bip6', 'bridge', 'cdi-spec-dir', 'cgroup-parent', 'config-file', 'containerd', 'containerd-namespace',
  'containerd-plugins-namespace', 'cpu-rt-period', 'cpu-rt-runtime', 'cri-containerd', 'data-root', 'debug',
  'default-address-pool', 'default-cgroupns-mode', 'default-gateway', 'default-gateway-v6', 'default-ipc-mode',
  'default-network-opt', 'default-runtime', 'default-shm-size', 'default-ulimit', 'dns', 'dns-opt', 'dns-search', 'exec-opt',
  'exec-root', 'experimental', 'feature', 'fixed-cidr', 'fixed-cidr-v6', 'group', 'host', 'host-gateway-ip', 'http-proxy',
  'https-proxy', 'icc', 'init', 'init-path', 'insecure-registry', 'ip', 'ip-forward', 'ip-forward-no-drop', 'ip-masq',
  'ip6tables', 'iptables', 'ipv6', 'label', 'live-restore', 'log-driver', 'log-format', 'log-level', 'log-opt',
  'max-concurrent-downloads', 'max-concurrent-uploads', 'max-download-attempts', 'metrics-addr', 'mtu',
  'network-control-plane-mtu', 'network-diagnostic-port', 'no-new-privileges', 'no-proxy', 'node-generic-resource', 'pidfile',
  'raw-logs', 'registry-mirror', 'restart', 'rootless', 'seccomp-profile', 'selinux-enabled', 'shutdown-timeout',
  'storage-driver', 'storage-opt', 'swarm-default-advertise-addr', 'tls', 'tlscacert', 'tlscert', 'tlskey', 'tlsverify',
  'userland-proxy', 'userland-proxy-path', 'userns-remap', 'validate', 'version',
];

/** NamedOption names: how list and map flags are spelled in the file. */
const NAMED_OPTIONS = [
  'authorization-plugins', 'cdi-spec-dirs', 'default-address-pools', 'default-network-opts', 'default-ulimits', 'dns-opts',
  'exec-opts', 'features', 'host-gateway-ips', 'hosts', 'insecure-registries', 'labels', 'log-opts', 'node-generic-resources',
  'registry-mirrors', 'runtimes', 'storage-opts',
];

/** skipValidateOptions. */
const SKIPPED = ['features', 'builder', 'deprecated-key-path', 'allow-nondistributable-artifacts'];

export const DAEMON_JSON_KEYS: ReadonlySet<string> = new Set([...FLAG_NAMES, ...NAMED_OPTIONS, ...SKIPPED]);
