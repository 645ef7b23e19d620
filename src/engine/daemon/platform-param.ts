/**
 * The `platform` query parameter of POST /images/create (pull and import): moby parses it with
 * containerd's platforms.Parse and answers a bad one with 400 and the parse error
 * (api/server/router/image/image_routes.go). A valid platform changes nothing here: every image
 * the simulated Hub ships is linux/amd64.
 */
import { DaemonError } from '../../api/errors';
import { platformError } from '../../lib/platform';

export function checkPlatformParam(platform: string | undefined): void {
  const err = platform ? platformError(platform) : undefined;
  if (err) throw new DaemonError(err, 400);
}
