import { readVectors } from '../../support/vectors';

/** The parts of test/fixtures/providers/panda/vectors.json the tests read (panda spec §8). */
export interface PandaSigning {
  path_argument: string;
  method: string;
  signed_host: string;
  signed_path: string;
  params_effective: { k: string; v: string; base: string | null; sort_path: string[] }[];
  canonical_query: string;
  string_to_sign: string;
  hmac_key: string;
}

export interface PandaHttpCall {
  signed: boolean;
  signing?: PandaSigning;
  signature?: string;
  signed_params_result?: Record<string, unknown>;
  requests_call: { function: string; url: string; kwargs: Record<string, unknown> };
  wire: {
    method: string;
    url: string;
    request_target: string;
    headers: Record<string, string>;
    body?: unknown;
    body_text?: string;
    body_b64?: string;
  };
  fake_server_response: { status: number; headers: Record<string, string>; body: string };
}

export interface PandaVector {
  id: string;
  kind: 'signed_params' | 'request' | 'error' | 'upload';
  description: string;
  sdk_call: string;
  credentials: { access_key: string; secret_key: string; cloud_id: string | null; api_host: string; api_port: number | string };
  fixed_clock_utc: string | null;
  signing?: PandaSigning;
  signature?: string;
  signed_params_result?: Record<string, unknown>;
  http_calls?: PandaHttpCall[];
}

export interface PandaVectorFile {
  upload_test_file: { name: string; size: number; content_rule: string; sha256: string };
  small_test_file: { name: string; content_text: string };
  vectors: PandaVector[];
}

export const pandaVectors = (): PandaVectorFile => readVectors<PandaVectorFile>('panda');
