import { Authorized, Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { SavedRunView } from './saved-view.js';
import { checkFilter, filterFromJson, filterToJson, ProcessRunFilter } from './filter.js';
import { textProblem } from '../kit/text.js';
import type { ProcessesContext } from '../kit/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { UUID_PATTERN } from '../../common/ids.js';
import { madeWithin, requireSeen } from '../kit/jurisdiction.js';

// Saved views of runs: a name and a processRuns filter kept on the server, private to the admin
// who saved it or shared with every admin ("stuck evaluations"). Saving a name again replaces
// that view's filter; only its owner deletes it. The filter is checked when saved and again when
// applied (a view outlives the rules it was saved under); waitingLongerThan stays relative.

const NAME_MAX = 100;

/** A view the caller may see: their own or a shared one; others' private views do not exist for them. */
async function visibleView(ctx: ProcessesContext, id: string, field: string): Promise<SavedRunView> {
  if (!UUID_PATTERN.test(id)) throw badInput(`"${id}" is not a valid id (expected a UUID)`, field);
  const view = await ctx.em.findOne(SavedRunView, id.toLowerCase());
  const mine = view?.owner === ctx.identity.subject;
  if (!view || (!mine && !view.shared)) throw notFound(`No saved view has id ${id}`);
  // Another Federation's shared view is not shared with this one (docs/jurisdiction.md).
  if (!mine) await requireSeen(ctx, view.federationId, `No saved view has id ${id}`);
  return view;
}

/** The filter of a saved view the caller may use. */
export async function viewFilter(ctx: ProcessesContext, id: string): Promise<ProcessRunFilter> {
  return filterFromJson((await visibleView(ctx, id, 'view')).filter, ctx.catalog, 'view.filter');
}

@Resolver(() => SavedRunView)
export class RunViewResolver {
  @Authorized('ADMIN')
  @Query(() => [SavedRunView], {
    description: 'ADMIN: my saved views of runs and those shared with every admin, by name',
  })
  async runViews(@Ctx() ctx: ProcessesContext): Promise<SavedRunView[]> {
    return ctx.em.find(
      SavedRunView,
      { $or: [{ owner: ctx.identity.subject }, { shared: true, ...(await madeWithin(ctx)) }] },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => SavedRunView, {
    description:
      'ADMIN: saves a filter of processRuns under a name (the same name again replaces it); shared: every admin sees it',
  })
  async saveRunView(
    @Arg('name', () => String) name: string,
    @Arg('filter', () => ProcessRunFilter) filter: ProcessRunFilter,
    @Arg('shared', () => Boolean, { defaultValue: false }) shared: boolean,
    @Ctx() ctx: ProcessesContext,
  ): Promise<SavedRunView> {
    const trimmed = name.trim();
    const problem =
      textProblem(name, 'name', NAME_MAX) ??
      (/[\n\r\t]/.test(trimmed) ? { field: 'name', message: 'name must be one line' } : undefined);
    if (problem) throw badInput(problem.message, problem.field);
    const json = filterToJson(checkFilter(filter, ctx.catalog));
    const owner = ctx.identity.subject;
    const save = async () => {
      const em = ctx.em.fork();
      const existing = await em.findOne(SavedRunView, { owner, name: trimmed });
      const view = existing ?? em.create(SavedRunView, { name: trimmed, owner, filter: json, shared });
      const federationId = ctx.identity.federationId ?? null;
      Object.assign(view, { filter: json, shared, federationId, updatedAt: new Date() });
      await em.flush();
      return view;
    };
    try {
      return await save();
    } catch (error) {
      // Two saves of one name at once: the second finds the first's row.
      if (error instanceof UniqueConstraintViolationException) return save();
      throw error;
    }
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'ADMIN: deletes one of my saved views; returns its id' })
  async deleteRunView(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<string> {
    const view = await visibleView(ctx, id, 'id');
    if (view.owner !== ctx.identity.subject)
      throw forbidden(`The view "${view.name}" is ${view.owner}'s; only they may delete it`);
    await ctx.em.remove(view).flush();
    return view.id;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller saved it' })
  mine(@Root() view: SavedRunView, @Ctx() ctx: ProcessesContext): boolean {
    return view.owner === ctx.identity.subject;
  }
}
