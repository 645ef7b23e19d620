/** `docker images` table (CLI 28: classic REPOSITORY/TAG view), formatter/image.go's context. */
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import { truncateID } from '../../format/truncate';
import { writeFormat, type FormatResult } from '../../format/table';
import type { ImageSummary } from '../../../api/daemon';

export const DEFAULT_IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
export const DIGEST_IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

const HEADER = { Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE' };

/** One row per repository:tag (dangling images as <none> <none>), as the CLI expands them. */
export function imageRows(images: ImageSummary[], opts: { trunc: boolean; nowMs: number }): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const img of images) {
    const ctx = (repo: string, tag: string, digest: string) => ({
      Repository: repo, Tag: tag, Digest: digest,
      ID: opts.trunc ? truncateID(img.Id) : img.Id,
      CreatedSince: img.Created > 0 ? humanDuration(opts.nowMs / 1000 - img.Created) + ' ago' : '',
      CreatedAt: new Date(img.Created * 1000).toISOString(),
      Size: humanSizeWithPrecision(img.Size, 3),
      Containers: img.Containers < 0 ? 'N/A' : String(img.Containers),
    });
    const tags = (img.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
    const digests = (img.RepoDigests ?? []).filter((d) => d !== '<none>@<none>');
    if (!tags.length && !digests.length) { rows.push(ctx('<none>', '<none>', '<none>')); continue; }
    const repoDigest = new Map<string, string>();
    for (const d of digests) { const i = d.lastIndexOf('@'); repoDigest.set(d.slice(0, i), d.slice(i + 1)); }
    const tagged = new Set<string>();
    for (const t of tags) {
      const i = t.lastIndexOf(':');
      const repo = t.slice(0, i);
      tagged.add(repo);
      rows.push(ctx(repo, t.slice(i + 1), repoDigest.get(repo) ?? '<none>'));
    }
    for (const [repo, d] of repoDigest) if (!tagged.has(repo)) rows.push(ctx(repo, '<none>', d));
  }
  return rows;
}

export function formatImages(images: ImageSummary[], format: string, opts: { trunc: boolean; nowMs: number }): FormatResult {
  return writeFormat(format, HEADER, imageRows(images, opts));
}
