/** `docker swarm ca`: Display and rotate the root CA (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ca',
  use: 'ca [OPTIONS]',
  short: 'Display and rotate the root CA',
  args: { kind: 'none' },
  flags: [
    { long: 'ca-cert', type: 'pem-file', usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster' },
    { long: 'ca-key', type: 'pem-file', usage: 'Path to the PEM-formatted root CA key to use for the new cluster' },
    { long: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', default: '2160h0m0s' },
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the root rotation to converge' },
    { long: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    quietFlag('Suppress progress output'),
    { long: 'rotate', type: 'bool', usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated' }
  ],
  run: notSimulated
};
