import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import type { VideoRecord } from '../../domain/types';
import { unsupported } from '../../errors';
import { JSONObject } from '../../graph/common/scalars';
import { PandaVideo } from './schema';
import { VideoApiDatasource } from './video-api-datasource';

/** Panda and Telestream speak one API: the fields they share take either (TelestreamVideo extends PandaVideo). */
function asVideoApi(source: ProviderDatasource, operation: string) {
  if (source instanceof VideoApiDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}

@Resolver(() => PandaVideo)
export class PandaVideoResolver {
  @FieldResolver(() => JSONObject, {
    description: 'Technical metadata Panda extracted from the source file (free-form keys). One upstream call.',
  })
  metadata(@Root() video: VideoRecord, @Ctx() ctx: RequestContext): Promise<Record<string, unknown>> {
    return asVideoApi(ctx.account(video.accountId), 'video metadata').getVideoMetadata(video.nativeId);
  }
}
