/**
 * `path_format` keywords (panda spec §4.2): `:id` (the encoding's id; the video's own for the
 * source), `:video_id`, `:original` (file name without extension), `:date` (upload day,
 * `2009-10-09`), `:profile` (`original` for the source), `:type` (`original` or `encodings`),
 * `:resolution` (`480x340`). The default format is `:id`.
 */
export interface PathValues {
  readonly id: string;
  readonly videoId: string;
  readonly original: string | null;
  readonly createdAt: number;
  readonly profile: string;
  readonly type: 'original' | 'encodings';
  readonly width: number | null;
  readonly height: number | null;
}

export function expandPathFormat(format: string | null, v: PathValues): string {
  const original = (v.original ?? v.videoId).replace(/\.[^./]*$/, '');
  const values: Record<string, string> = {
    video_id: v.videoId,
    id: v.id,
    original,
    date: new Date(v.createdAt).toISOString().slice(0, 10),
    profile: v.profile,
    type: v.type,
    resolution: v.width !== null && v.height !== null ? `${v.width}x${v.height}` : 'unknown',
  };
  // longest keyword first: `:video_id` must not be read as `:video` + `_id`
  return (format ?? ':id').replace(/:(video_id|resolution|original|profile|date|type|id)/g, (_, key: string) => values[key]!);
}
