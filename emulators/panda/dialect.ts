/**
 * What the Panda v2 and Telestream 3.0 APIs differ in on the server side (telestream spec §1–§3, §6).
 * Everything else — verification, store, resources, encodings over time — is one implementation.
 */
export interface EmulatorDialect {
  readonly provider: 'panda' | 'telestream';
  /** `/v2` or `/v3.0`. */
  readonly versionPrefix: string;
  /** The signed scope parameter: `cloud_id` or `factory_id`. */
  readonly scopeKey: string;
  /** The scope collection path segment: `clouds` or `factories`. */
  readonly scopeCollection: string;
  /** The scope model name in error messages: `Cloud` or `Factory`. */
  readonly scopeModel: string;
  /** Part size of multi-chunk upload sessions (telestream spec §6.1); null: single-stream only. */
  readonly partSize: number | null;
}

export const PANDA_EMULATOR_DIALECT: EmulatorDialect = {
  provider: 'panda',
  versionPrefix: '/v2',
  scopeKey: 'cloud_id',
  scopeCollection: 'clouds',
  scopeModel: 'Cloud',
  partSize: null,
};
