import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Capability } from '../../domain/types';
import { Provider } from '../common/enums';

// an entity keyed by its configured id; tagged so a contract can leave account administration out
@Directive('@key(fields: "id")')
@Directive('@tag(name: "accounts")')
@ObjectType('Account', {
  description: 'One set of credentials at one provider (a Panda cloud, a Telestream factory, a Dailymotion user, a Ziggeo application).',
})
export class Account {
  @Field(() => ID, { description: 'The account id from the vidmesh configuration; pass it in `accounts:` arguments.' })
  id!: string;

  @Field(() => Provider, { description: 'The provider this account belongs to.' })
  provider!: Provider;

  @Field(() => [Capability], { description: 'What this account’s provider supports: ask before calling an operation.' })
  capabilities!: Capability[];
}
