import type { Pool } from 'undici';

/** What the floor upstream answers: ten small video records, about the size of a provider's page of ten. */
export const FLOOR_PAGE = JSON.stringify({
  videos: Array.from({ length: 10 }, (_, i) => ({ id: `v${i}`, title: `video ${i}`, status: 'success', created_at: '2026-12-01T00:00:00Z', duration: 1234, file_size: 123456 })),
});

/** The one upstream call every floor path makes: GET the page, read and parse it. */
export async function floorCall(upstream: Pool): Promise<{ videos: { id: string; status: string }[] }> {
  const response = await upstream.request({ method: 'GET', path: '/videos.json?page=1&per_page=10' });
  return JSON.parse(await response.body.text()) as { videos: { id: string; status: string }[] };
}
