import type { Json } from './jsonlex';

/** An RPC error the emulator answers as `{"error": {code, message, data?}}` (dailymotion spec §4.1, §11 item 4). */
export class RpcFault extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Json,
  ) {
    super(message);
  }
}

/** The codes of spec §4.3 and §11 item 5. */
export const authFailed = (why = 'authentication failed') => new RpcFault(400, why);
export const invalidRequest = (why: string) => new RpcFault(600, why);
export const invalidObject = (ns: string) => new RpcFault(610, `invalid object: ${ns}`);
export const invalidMethod = (call: string) => new RpcFault(620, `invalid method: ${call}`);
export const invalidParam = (name: string, why: string) => new RpcFault(630, 'Invalid parameter', { [name]: why });
export const invalidCall = (why: string) => new RpcFault(640, why);
export const missingParam = (name: string) => new RpcFault(650, `missing parameter: ${name}`, { [name]: 'required' });
export const notFound = (what: string) => new RpcFault(1010, `${what} not found`);
export const exists = (what: string) => new RpcFault(1020, `${what} already exists`);
