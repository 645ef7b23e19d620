/** The report the prune commands print (docker-cli's container/image/network/volume/builder/system prune). */
import { humanSize } from '../../../lib/units';

/** `Deleted Containers:` and one line per item, then the blank line Fprintln adds; nothing when none went. */
export function deletedSection(title: string, items: string[] | null | undefined): string {
  return items?.length ? `${title}:\n${items.map((i) => i + '\n').join('')}\n` : '';
}

/** The last line of every prune but `network prune`. */
export function reclaimedLine(bytes: number): string {
  return `Total reclaimed space: ${humanSize(bytes)}\n`;
}
