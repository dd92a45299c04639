import type { RpcArgs, RpcValue } from './auth';
import type { SortOrder } from './operations';

/** A media filter in the gateway's terms, turned into CloudKey's Mongo-like `filter` (spec §5.1). */
export interface MediaFilter {
  /** Meta keys that must hold exactly these values (`{"meta.category": "news"}`, the documented form). */
  readonly meta?: Readonly<Record<string, string>> | null;
  /** Created at or after (`created` `$gte`, seconds; range operators are unconfirmed, spec §5.1). */
  readonly createdFrom?: Date | null;
  /** Created strictly before (`created` `$lt`). */
  readonly createdBefore?: Date | null;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** null when nothing narrows the list, so no `filter` argument is sent. */
export function cloudKeyFilter(filter: MediaFilter | null | undefined): RpcArgs | null {
  if (!filter) return null;
  const out: Record<string, RpcValue> = {};
  for (const [key, value] of Object.entries(filter.meta ?? {})) out[`meta.${key}`] = value;
  const created: Record<string, RpcValue> = {};
  if (filter.createdFrom) created.$gte = seconds(filter.createdFrom);
  if (filter.createdBefore) created.$lt = seconds(filter.createdBefore);
  if (Object.keys(created).length > 0) out.created = created;
  return Object.keys(out).length > 0 ? out : null;
}

export type MediaOrder = 'CREATED_DESC' | 'CREATED_ASC' | 'TITLE_ASC' | 'TITLE_DESC';

/** The `sort` argument: `[[field, ±1]]`, ties broken by the server (spec §5.1). */
export function cloudKeySort(order: MediaOrder): SortOrder {
  switch (order) {
    case 'CREATED_ASC':
      return [['created', 1]];
    case 'TITLE_ASC':
      return [['meta.title', 1]];
    case 'TITLE_DESC':
      return [['meta.title', -1]];
    default:
      return [['created', -1]];
  }
}
