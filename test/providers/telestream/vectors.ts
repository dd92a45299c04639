import { readVectors } from '../../support/vectors';

/** The parts of test/fixtures/providers/telestream/vectors.json the tests read (telestream spec §2, §6). */
export interface TelestreamVector {
  id: string;
  method: string;
  path: string;
  params: Record<string, string | number | boolean | Record<string, unknown>>;
  credentials: {
    access_key: string;
    secret_key: string;
    api_host: string;
    api_port: number;
    api_version: string;
    factory_id?: string;
  };
  timestamp: string;
  string_to_sign: string;
  signature: string;
  signed_params: Record<string, unknown>;
  request: { method: string; url: string };
}

export interface TelestreamUploadVector {
  threads: number;
  file_size: number;
  part_size: number;
  parts: number;
  session_request: { method: string; url: string };
  part_requests_sorted_by_part: { 'X-Part': number; body_len: number; body_sha256: string }[];
  part_request_headers_example: Record<string, string>;
  status_after: string;
}

export interface TelestreamVectors {
  vectors: TelestreamVector[];
  upload_sessions: TelestreamUploadVector[];
}

export const telestreamVectors = readVectors<TelestreamVectors>('telestream');

/** The file the upload vectors describe: byte i = (i*7+3) % 251. */
export function uploadFile(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + 3) % 251;
  return out;
}
