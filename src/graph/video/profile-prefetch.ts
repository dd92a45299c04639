import { BREAK, Kind, visit, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import type { EncodingRecord, VideoRecord } from '../../domain/types';

/** `Video.encodings(first:)` when the argument is left out. */
export const ENCODINGS_PAGE = 50;

const plain = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether a listing may load its encodings' profiles itself: the operation is only `videos`, every
 * `encodings` in it takes the default page (so the encodings shown are the first ENCODINGS_PAGE
 * listed) and nothing leads from an encoding back to a video. Then the keys loaded ahead are the keys
 * the `profile` fields would load, in the same single batch, one level down as before.
 */
function prefetchable(info: GraphQLResolveInfo): boolean {
  let known = plain.get(info.operation);
  if (known === undefined) {
    const roots = info.operation.selectionSet.selections;
    known = roots.length === 1 && roots[0]!.kind === Kind.FIELD && roots[0].name.value === 'videos';
    const check = {
      Field: (node: { name: { value: string }; arguments?: readonly unknown[] }) => {
        if ((node.name.value === 'encodings' && (node.arguments?.length ?? 0) > 0) || node.name.value === 'video') {
          known = false;
          return BREAK;
        }
        return undefined;
      },
    };
    if (known) visit(info.operation, check);
    for (const fragment of Object.values(info.fragments)) if (known) visit(fragment, check);
    plain.set(info.operation, known);
  }
  return known;
}

/**
 * Before a page of videos is answered: one profile batch per account for the encodings it shows,
 * so each encoding's `profile` is answered without a promise of its own (they made a fifth of the
 * execution on a Dailymotion list page).
 */
export async function prefetchProfiles(ctx: RequestContext, info: GraphQLResolveInfo, sources: readonly ProviderDatasource[], videos: readonly VideoRecord[]): Promise<void> {
  const selection = ctx.selection;
  if (selection === null || videos.length === 0 || !prefetchable(info)) return;
  await Promise.all(
    sources.map((source) => {
      const loaders = ctx.loaders(source);
      const shown: EncodingRecord[] = [];
      for (const video of videos) {
        if (video.accountId !== source.accountId || !selection.fieldsOn(video.kind).has('encodings')) continue;
        for (const encoding of loaders.encodingsNow(video.nativeId)?.slice(0, ENCODINGS_PAGE) ?? []) {
          if (selection.fieldsOn(encoding.kind).has('profile')) shown.push(encoding);
        }
      }
      return loaders.prefetchProfiles(shown);
    }),
  );
}
