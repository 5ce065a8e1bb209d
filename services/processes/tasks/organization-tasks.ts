import { Args, ArgsType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HumanTask } from '../kit/human-task.js';
import { HumanTaskConnection } from './inbox.js';
import { OrganizationRef } from '../kit/organization-ref.js';
import type { ProcessesContext } from '../kit/context.js';
import { PageArgs, pageOf } from '../../common/connection.js';

@ArgsType()
class OpenTaskArgs extends PageArgs {}

/** Organization.openTasks: a chamber's open approvals, in one query for a whole list of organizations. */
@Resolver(() => OrganizationRef)
export class OrganizationTasksResolver {
  @FieldResolver(() => HumanTaskConnection, {
    description:
      'Tasks about this organization still waiting for a person, soonest due first (those the caller may see)',
  })
  async openTasks(
    @Root() organization: OrganizationRef,
    @Args(() => OpenTaskArgs) page: OpenTaskArgs,
    @Ctx() { loaders }: ProcessesContext,
  ) {
    const tasks = await loaders.openTasksByOrganization.load(organization.id);
    return pageOf<HumanTask>(tasks, (task) => [task.dueAt.toISOString(), task.id], ['timestamp', 'uuid'], page);
  }
}
