import type { UpstreamCall, UpstreamObserver } from '../upstream';
import type { Logger } from './logger';
import { recordUpstreamCall } from './metrics';
import type { RequestScope } from './request-scope';

/** Path segments that are credentials of their own (Ziggeo auth tokens, spec §5.3): never logged. */
const SECRET_SEGMENT = /(\/authtokens\/)[^/]+/g;

export function loggablePath(path: string): string {
  return path.split('?')[0]!.replace(SECRET_SEGMENT, '$1:token');
}

/** One log line and the metrics for every upstream attempt, tagged with the request that caused it. */
export function upstreamObserver(logger: Logger): UpstreamObserver {
  return (call: UpstreamCall, scope?: RequestScope) => {
    recordUpstreamCall(call);
    if (scope) scope.upstreamCalls += 1;
    const fields = {
      requestId: scope?.requestId,
      account: call.target.account,
      provider: call.target.provider,
      method: call.method,
      ...(call.operation !== undefined && { operation: call.operation }),
      path: loggablePath(call.path),
      status: call.status,
      ms: Math.round(call.ms * 10) / 10,
      attempt: call.attempt ?? 1,
      outcome: call.outcome ?? 'success',
    };
    if (call.outcome === 'success' || call.outcome === undefined || call.outcome === 'client_error') logger.info(fields, 'upstream call');
    else logger.warn(fields, 'upstream call failed');
  };
}
