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
};
