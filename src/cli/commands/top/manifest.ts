/** `docker manifest`: Manage Docker image manifests and manifest lists (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as annotate_ } from '../manifest/annotate';
import { spec as create_ } from '../manifest/create';
import { spec as inspect_ } from '../manifest/inspect';
import { spec as push_ } from '../manifest/push';
import { spec as rm_ } from '../manifest/rm';

export const spec = verb({
  use: 'manifest COMMAND', short: 'Manage Docker image manifests and manifest lists',
  long: '\nThe **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.\n\n',
  args: { kind: 'none' },
  subcommands: [annotate_, create_, inspect_, push_, rm_]
});
