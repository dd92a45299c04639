import { Field, ID, InterfaceType } from 'type-graphql';
import { Provider } from './enums';
import { Node, resolveKind } from './node';
import { DateTime } from './scalars';

@InterfaceType('AuthToken', {
  implements: Node,
  resolveType: resolveKind,
  description: 'A server-side token that grants a client (player, recorder) access to a provider’s objects. Ziggeo.',
})
export abstract class AuthToken extends Node {
  @Field(() => ID, { description: 'The provider’s own id of the token.' })
  nativeId!: string;

  @Field(() => Provider, { description: 'The provider that issued the token.' })
  provider!: Provider;

  @Field(() => String, { description: 'The token to hand to the client.' })
  token!: string;

  @Field(() => DateTime, { nullable: true, description: 'When the token stops working; null: never.' })
  expiresAt!: Date | null;
}
