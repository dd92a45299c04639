import type { IncomingMessage } from 'node:http';
import type { Principal } from '../context';
import { VidmeshError } from '../errors';
import type { ApiKeyAuthenticator } from '../security/auth';

/** Who sent a request to an operational route: a key's principal, or null for none or a wrong one. */
export function principalOf(auth: ApiKeyAuthenticator, req: IncomingMessage): Principal | null {
  const found = auth.authenticate(req.headers.authorization);
  return found instanceof VidmeshError ? null : found;
}
