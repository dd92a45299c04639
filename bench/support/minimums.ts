import type { ProviderName } from '../../src/config';

/** What a rule sees: the provider, the variables sent and the data answered. */
export interface MinimumInput {
  readonly provider: ProviderName;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly data: unknown;
}

/** The fewest upstream calls the provider's API allows for one answer to an operation. */
export type MinimumRule = (input: MinimumInput) => number;

/** Listing pages hold at most this many items (panda, telestream, dailymotion specs; Ziggeo's limit is 100 too). */
const PAGE_SIZE = 100;
/** Statuses Ziggeo's count call can filter on, one call each (ziggeo spec). */
const ZIGGEO_STATUSES = 5;

interface VideoDetailData {
  node: { encodings?: { nodes: { profile: unknown }[] } } | null;
}

interface StatusOverviewData {
  videoStats: { total: number }[];
}

interface VideoListData {
  videos: { edges: { node: { account: { id: string }; encodings: { nodes: { profileName: string | null }[] } } }[] };
}

/**
 * Documented minimums per canonical dashboard operation (test/integration/dashboard.test.ts and
 * mixed-providers.test.ts say why):
 * - DashboardVideoList, per account listed: the pages holding `first + 1` videos. Then Panda and
 *   Telestream: one encodings call per video shown (no multi-video call) and one profile call per
 *   account whose shown encodings name a profile; Dailymotion: media.list carries the assets, plus
 *   one preset listing per account whose assets are shown; Ziggeo: videos carry their streams and
 *   streams have no profile.
 * - DashboardVideoDetail (one video): Panda: the video, its encodings, its metadata, and one profile call
 *   when an encoding names a profile; Telestream: the same less metadata; Dailymotion: media.info (assets
 *   inside) and a preset listing when assets are shown; Ziggeo: the video (streams inside).
 * - DashboardStatusOverview, per account of n videos: Panda, Telestream: no count call, one listing walk
 *   of ⌊n/100⌋ + 1 pages; Dailymotion: statuses derive from assets, one media.list walk of ⌈n/100⌉ pages;
 *   Ziggeo: GET /videos/count for the total and once per status it reports (5).
 * - DashboardNodes, per account: one read per id; Ziggeo: one get_bulk.
 * (the dashboard helper's test/integration/dashboard-operations.test.ts documents the same figures)
 */
export const MINIMUMS: Readonly<Partial<Record<string, MinimumRule>>> = {
  DashboardVideoList: ({ provider, variables, data }) => {
    const first = Number(variables.first ?? 20);
    const listed = Array.isArray(variables.accounts) ? new Set(variables.accounts).size : 1;
    const listings = listed * Math.max(1, Math.ceil((first + 1) / PAGE_SIZE));
    const videos = (data as VideoListData).videos.edges.map((e) => e.node);
    const accountsWithProfiles = new Set(videos.filter((v) => v.encodings.nodes.some((e) => e.profileName !== null)).map((v) => v.account.id)).size;
    switch (provider) {
      case 'panda':
      case 'telestream':
        return listings + videos.length + accountsWithProfiles;
      case 'dailymotion':
        return listings + accountsWithProfiles;
      case 'ziggeo':
        return listings;
    }
  },
  DashboardVideoDetail: ({ provider, data }) => {
    const profiles = (data as VideoDetailData).node?.encodings?.nodes.some((e) => e.profile !== null) ? 1 : 0;
    const base = { panda: 3, telestream: 2, dailymotion: 1, ziggeo: 1 }[provider];
    return provider === 'ziggeo' ? base : base + profiles;
  },
  DashboardStatusOverview: ({ provider, data }) =>
    (data as StatusOverviewData).videoStats.reduce((sum, { total }) => {
      if (provider === 'ziggeo') return sum + 1 + ZIGGEO_STATUSES;
      if (provider === 'dailymotion') return sum + Math.max(1, Math.ceil(total / PAGE_SIZE));
      return sum + Math.floor(total / PAGE_SIZE) + 1;
    }, 0),
  DashboardNodes: ({ provider, variables }) => {
    const ids = Array.isArray(variables.ids) ? variables.ids.length : 0;
    return provider === 'ziggeo' ? Math.min(ids, 1) : ids;
  },
};
