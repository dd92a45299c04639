/**
 * The SDK URL shared by Panda (`/v2`) and Telestream (`/v3.0`): https only on port 443, `:port`
 * unless 80, the version prefix, then the path exactly as given (panda spec §1, telestream spec §1).
 */
export function sdkUrl(host: string, port: number | string, versionPrefix: string, path: string, query: string): string {
  const portText = String(port);
  const scheme = portText === '443' ? 'https' : 'http';
  const authority = portText === '80' ? host : `${host}:${portText}`;
  return `${scheme}://${authority}${versionPrefix}${path}?${query}`;
}
