/** One request of a page-numbered list API and the part of its answer that is wanted. */
export interface PageRequest {
  readonly page: number;
  readonly perPage: number;
  /** Items to drop from the start of the answer. */
  readonly skip: number;
  /** Items to keep after `skip`. */
  readonly take: number;
}

/**
 * Plans the fewest page requests that cover items [offset, offset + count) of a list served as
 * `page` (1-based) × `per_page` (≤ maxPerPage): one request whenever some page size holds the whole
 * range, else consecutive pages of the largest size.
 */
export function planPages(offset: number, count: number, maxPerPage: number): PageRequest[] {
  if (count <= 0) return [];
  const last = offset + count - 1;
  for (let size = Math.min(count, maxPerPage); size <= maxPerPage; size++) {
    if (Math.floor(offset / size) === Math.floor(last / size)) {
      const page = Math.floor(offset / size);
      return [{ page: page + 1, perPage: size, skip: offset - page * size, take: count }];
    }
  }
  const plan: PageRequest[] = [];
  for (let page = Math.floor(offset / maxPerPage); page * maxPerPage <= last; page++) {
    const start = Math.max(offset, page * maxPerPage);
    const end = Math.min(last, (page + 1) * maxPerPage - 1);
    plan.push({ page: page + 1, perPage: maxPerPage, skip: start - page * maxPerPage, take: end - start + 1 });
  }
  return plan;
}
