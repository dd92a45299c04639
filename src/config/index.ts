export { ConfigError, formatPath, loadConfigFile, parseConfig } from './load';
export type { AccountConfig, PandaAccountConfig, ProviderName, UpstreamConfig, VidmeshConfig } from './schema';
