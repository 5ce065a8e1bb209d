import { Arg, Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../common/errors.js';
import { RegistryRefused } from '../registry/client.js';
import type { ProcessesContext } from '../kit/context.js';

// Runs and tasks name people by their token subject (an actor, an assignee, a named candidate):
// the console shows their names instead. A subject that is the registry's person id (reviewers,
// agency staff) has that person's name, read with the caller's token so the registry's
// jurisdiction applies; any other subject (a dev or single-sign-on account) has none the hub knows.

const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOST = 100;

@ObjectType({ description: 'A token subject and the name of the person it is' })
class SubjectName {
  @Field(() => String) subject!: string;
  @Field(() => String, {
    nullable: true,
    description: "The registry person's name; null when the hub knows none or the caller may not see the person",
  })
  name!: string | null;
}

/** Each subject's name, where it is a person the caller may see. */
export async function subjectNames(ctx: ProcessesContext, subjects: Iterable<string>): Promise<Map<string, string>> {
  const people = [...new Set(subjects)].filter((subject) => PERSON_ID.test(subject));
  const named = await Promise.all(
    people.map(async (id) => {
      try {
        return [id, (await ctx.registry.person(id, ctx.authorization)).name] as const;
      } catch (error) {
        if (error instanceof RegistryRefused) return undefined; // not a person, or outside the caller's view
        throw error;
      }
    }),
  );
  return new Map(named.filter((entry) => entry !== undefined));
}

@Resolver()
export class SubjectNamesResolver {
  @Authorized()
  @Query(() => [SubjectName], {
    description: `The names of the people token subjects are (actors, assignees, named candidates), in the order asked; at most ${MOST}`,
  })
  async subjectNames(
    @Arg('subjects', () => [String]) subjects: string[],
    @Ctx() ctx: ProcessesContext,
  ): Promise<SubjectName[]> {
    if (subjects.length > MOST)
      throw badInput(`一次最多查询 ${MOST} 个用户的姓名，本次有 ${subjects.length} 个`, 'subjects');
    const names = await subjectNames(ctx, subjects);
    return subjects.map((subject) => ({ subject, name: names.get(subject) ?? null }));
  }
}

/** A timeline entry that tells its actor by name: the words name the subject, which is a person id. */
export function toldByName<T extends { actor: string | null; zh: string; en: string }>(
  entry: T,
  names: Map<string, string>,
): T {
  const name = entry.actor ? names.get(entry.actor) : undefined;
  if (!name) return entry;
  return { ...entry, zh: entry.zh.replaceAll(entry.actor!, name), en: entry.en.replaceAll(entry.actor!, name) };
}
