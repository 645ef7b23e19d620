/** `docker context create`: Create a context (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] CONTEXT', short: 'Create a context',
  long: 'Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"\n',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.create]
});
