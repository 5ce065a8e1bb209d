import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Person } from '../entities/person.js';
import { Position } from '../entities/position.js';
import { Certification } from '../entities/certification.js';
import { Organization } from '../entities/organization.js';
import { containsPattern } from '../organization-filter.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs } from '../../common/connection.js';
import { ORDER_BY_DESCRIPTION, type OrderTerm } from '../query/order.js';
import { listPage } from '../query/list-page.js';
import { PERSON_ORDER, PersonOrder, PersonOrderField } from '../query/list-orders.js';
import { requireUuid } from '../../common/ids.js';
import { notFound } from '../../common/errors.js';

const PersonConnection = Connection('Person', Person);

@ArgsType()
class PeopleArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the Chinese or English name' })
  @MaxLength(100)
  nameContains?: string;
  @Field(() => [PersonOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<PersonOrderField>[];
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'One person by id; NOT_FOUND when there is none' })
  async person(@Arg('id', () => ID) id: string, @Ctx() { em, identity, loaders }: RegistryContext): Promise<Person> {
    const [found, sees] = await Promise.all([
      loaders.person.load(requireUuid(id)),
      jurisdictionOf({ em, identity }).seesPerson(id),
    ]);
    // Outside the caller's jurisdiction it is as if there were none.
    if (!found || !sees) throw notFound(`No person has id ${id}`);
    return found;
  }

  @Query(() => PersonConnection, {
    description: 'People ordered by name (code point), then id, unless orderBy says otherwise',
  })
  people(
    @Args(() => PeopleArgs) { nameContains, orderBy, ...page }: PeopleArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const pattern = nameContains ? containsPattern(nameContains) : undefined;
    const where = pattern ? { $or: [{ name: { $ilike: pattern } }, { englishName: { $ilike: pattern } }] } : {};
    const scoped = { $and: [where, jurisdictionOf({ em, identity }).personCondition<Person>()] };
    return listPage(em, Person, scoped, { name: 'asc', id: 'asc' }, { fields: PERSON_ORDER, terms: orderBy }, page);
  }

  @FieldResolver(() => [Position], { description: 'Roles held, earliest first' })
  positions(@Root() person: Person, @Ctx() { loaders }: RegistryContext): Promise<Position[]> {
    return loaders.positionsByPerson.load(person.id);
  }

  @FieldResolver(() => [Certification], {
    description: 'Qualifications, titles and training certificates, newest first',
  })
  certifications(@Root() person: Person, @Ctx() { loaders }: RegistryContext): Promise<Certification[]> {
    return loaders.certificationsByPerson.load(person.id);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Person)
  async person(@Root() position: Position, @Ctx() { loaders }: RegistryContext): Promise<Person> {
    return (await loaders.person.load(position.person.id))!;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() position: Position, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(position.organization.id))!;
  }
}
