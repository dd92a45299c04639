/** The media types `/graphql` answers a GET with: HTML is the IDE, the others GraphQL-over-HTTP. */
const OFFERED = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'] as const;

interface Range {
  readonly type: string;
  readonly subtype: string;
  /** Parameters other than q: only Apollo's `multipart/mixed;deferSpec=…` types carry any. */
  readonly params: boolean;
  readonly q: number;
  readonly order: number;
}

interface Priority {
  readonly type: string;
  readonly q: number;
  readonly s: number;
  readonly order: number;
  readonly index: number;
}

function parseAccept(accept: string): Range[] {
  const ranges: Range[] = [];
  accept.split(',').forEach((part, order) => {
    const [media = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = media.split('/');
    if (!type || !subtype) return;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (Number.isFinite(q)) ranges.push({ type, subtype, params: params.some((p) => !p.startsWith('q=')), q, order });
  });
  return ranges;
}

/** How specifically `range` names `offered` (type 4, subtype 2, parameters 1), or -1 when it does not. */
function specificity(offered: string, range: Range): number {
  const [type, subtype] = offered.split('/') as [string, string];
  if (range.params && offered !== 'multipart/mixed') return -1;
  if (range.type !== type && range.type !== '*') return -1;
  if (range.subtype !== subtype && range.subtype !== '*') return -1;
  return (range.type === type ? 4 : 0) + (range.subtype === subtype ? 2 : 0) + (range.params ? 1 : 0);
}

const before = (a: Priority, b: Priority): boolean => (a.q !== b.q ? a.q > b.q : a.s !== b.s ? a.s > b.s : a.order !== b.order ? a.order < b.order : a.index < b.index);

/**
 * Negotiator's choice, which Apollo Server uses to decide whether a GET gets its landing page: each
 * offered type takes the q of its most specific matching range; then highest q, most specific, the
 * client's order, ours. So a browser gets the IDE exactly where it used to get the landing page.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  let best: Priority | null = null;
  OFFERED.forEach((type, index) => {
    let own: Priority | null = null;
    for (const range of ranges) {
      const s = specificity(type, range);
      if (s < 0) continue;
      if (own === null || s > own.s || (s === own.s && (range.q > own.q || (range.q === own.q && range.order < own.order)))) {
        own = { type, q: range.q, s, order: range.order, index };
      }
    }
    if (own !== null && own.q > 0 && (best === null || before(own, best))) best = own;
  });
  return (best as Priority | null)?.type === 'text/html';
}
