import type { FieldSelection } from '../../domain/selection';

/** What a full VideoRecord needs: status and size come from the assets. */
export const DEFAULT_MEDIA_FIELDS: readonly string[] = ['id', 'created', 'meta', 'assets'];

/**
 * GraphQL fields of DailymotionMedia → the CloudKey `fields` paths they read (spec §5.1). Fields
 * answered without upstream data map to nothing. `created` is always asked: listings merge by it.
 */
const UPSTREAM_PATHS: Readonly<Record<string, readonly string[]>> = {
  id: [],
  nativeId: [],
  provider: [],
  account: [],
  updatedAt: [],
  createdAt: [],
  title: ['meta.title'],
  meta: ['meta'],
  stats: ['stats'],
  status: ['assets'],
  rawStatus: ['assets'],
  duration: ['assets'],
  fileSize: ['assets'],
  width: ['assets'],
  height: ['assets'],
  encodings: ['assets'],
  source: ['assets'],
};

/**
 * The `fields` argument of `media.info`/`media.list` for what the operation selects on
 * DailymotionMedia. No selection known: DEFAULT_MEDIA_FIELDS. A selected field this table does not
 * know (one added later): DEFAULT_MEDIA_FIELDS too, plus `stats` when selected — never too few.
 * `needAssets`: the caller filters on the status, which the assets decide.
 */
export function mediaFieldsFor(selection: FieldSelection | null | undefined, needAssets = false): string[] {
  if (!selection) return [...DEFAULT_MEDIA_FIELDS];
  const selected = selection.fieldsOn('DailymotionMedia');
  const fields = new Set(['id', 'created']);
  for (const name of selected) {
    const paths = UPSTREAM_PATHS[name];
    if (paths === undefined) return [...DEFAULT_MEDIA_FIELDS, ...(selected.has('stats') ? ['stats'] : [])];
    for (const path of paths) fields.add(path);
  }
  if (needAssets) fields.add('assets');
  if (fields.has('meta')) fields.delete('meta.title');
  return [...fields];
}
