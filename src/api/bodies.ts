/**
 * Request and response bodies of the daemon's endpoints that are not plain inspect JSON: what
 * POST /build takes, what GET /system/df, POST /images/load and GET /events answer. Field names as
 * the Engine API writes them where one exists.
 */
import type { TarEntry } from '../lib/tar';
import type { ContainerSummary, ImageSummary } from './daemon';

/** POST /build: the context arrives as tar entries, as the client streams it. */
export interface BuildRequest {
  /**
   * The client's life: aborted when the `docker build` process ends (Ctrl-C). BuildKit cancels the
   * solve and the classic builder its context; both kill and remove a running RUN container.
   */
  cancel?: AbortSignal;
  /** Where the Dockerfile is in the context sent. */
  dockerfileName: string;
  /** The name BuildKit knows it by (buildx sends `-f dir/File` as File from its own folder). */
  dockerfileLabel?: string;
  context: TarEntry[];
  tags: string[];
  buildArgs: Record<string, string>;
  target?: string;
  noCache: boolean;
  pull: boolean;
  labels: Record<string, string>;
  classic: boolean;
  progress: 'plain' | 'tty' | 'quiet';
}

/** GET /system/df: a volume with its usage. */
export interface VolumeUsage extends Record<string, unknown> {
  Name: string;
  Labels: Record<string, string> | null;
  /** Bytes under _data and the number of containers (running or not) that mount the volume. */
  UsageData: { Size: number; RefCount: number };
}

export interface BuildCacheRecord {
  ID: string; Parent: string; Type: string; Description: string; InUse: boolean; Shared: boolean;
  Size: number; CreatedAt: string; LastUsedAt: string; UsageCount: number;
}

export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[];
  Containers: ContainerSummary[];
  Volumes: VolumeUsage[];
  BuildCache: BuildCacheRecord[];
}

/** One message of POST /images/load (jsonmessage). */
export interface LoadMessage {
  status: string;
  /** Short diff ID of a layer being loaded. */
  id?: string;
  /** The layer tar's size, for the progress bar. */
  total?: number;
}

export type EngineEventType = 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'builder';

/** events.Message as the Engine API sends it (field order as encoding/json writes it). */
export interface EventMessage {
  status?: string;
  id?: string;
  from?: string;
  Type: EngineEventType;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  /** Unix seconds. */
  time: number;
  /** Unix nanoseconds (beyond 2^53, so a bigint). */
  timeNano: bigint;
}
