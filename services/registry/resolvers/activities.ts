import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  DeliberationIssue,
  DeliberationSession,
  JointMeeting,
  LiaisonVisit,
  PlatformActivity,
} from '../entities/records.js';
import { Organization } from '../entities/organization.js';
import { Person } from '../entities/person.js';
import { Platform } from '../entities/kinds.js';
import type { RegistryContext } from '../context.js';
import { Connection } from '../../common/connection.js';
import { requireUuid } from '../../common/ids.js';
import { DatedPageArgs, dateRange, given } from './dated-page.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import { ORDER_BY_DESCRIPTION, type OrderTerm } from '../query/order.js';
import { listPage } from '../query/list-page.js';
import {
  DELIBERATION_SESSION_ORDER,
  DeliberationSessionOrder,
  DeliberationSessionOrderField,
  JOINT_MEETING_ORDER,
  JointMeetingOrder,
  JointMeetingOrderField,
  LIAISON_VISIT_ORDER,
  LiaisonVisitOrder,
  LiaisonVisitOrderField,
  PLATFORM_ACTIVITY_ORDER,
  PlatformActivityOrder,
  PlatformActivityOrderField,
} from '../query/list-orders.js';

// The platforms' activities and the mechanisms' events: lists newest first (date, then id).

const PlatformActivityConnection = Connection('PlatformActivity', PlatformActivity);
const LiaisonVisitConnection = Connection('LiaisonVisit', LiaisonVisit);
const DeliberationSessionConnection = Connection('DeliberationSession', DeliberationSession);
const JointMeetingConnection = Connection('JointMeeting', JointMeeting);

@ArgsType()
class PlatformActivityArgs extends DatedPageArgs {
  @Field(() => Platform, { nullable: true }) platform?: Platform;
  @Field(() => String, { nullable: true, description: 'e.g. JUDGES_INTO_CHAMBERS, INVESTMENT_FAIR' }) kind?: string;
  @Field(() => [PlatformActivityOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<PlatformActivityOrderField>[];
}

@ArgsType()
class LiaisonVisitArgs extends DatedPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only visits to this chamber' }) organizationId?: string;
  @Field(() => [LiaisonVisitOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<LiaisonVisitOrderField>[];
}

@ArgsType()
class DeliberationSessionArgs extends DatedPageArgs {
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => [DeliberationSessionOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<DeliberationSessionOrderField>[];
}

@ArgsType()
class JointMeetingArgs extends DatedPageArgs {
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => [JointMeetingOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<JointMeetingOrderField>[];
}

@Resolver()
export class ActivityResolver {
  @Query(() => PlatformActivityConnection, { description: 'Activities of the platforms, newest first' })
  platformActivities(
    @Args(() => PlatformActivityArgs) { platform, kind, from, to, orderBy, ...page }: PlatformActivityArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    // An activity is its organizers': seen when one of them is.
    const scope = jurisdictionOf({ em, identity }).linkedCondition<PlatformActivity>(
      'platform_activity_organizer',
      'activity_id',
    );
    return listPage(
      em,
      PlatformActivity,
      { $and: [given({ platform, kind, heldOn: dateRange({ from, to }) }), scope] },
      { heldOn: 'desc', id: 'desc' },
      { fields: PLATFORM_ACTIVITY_ORDER, terms: orderBy },
      page,
    );
  }

  @Query(() => LiaisonVisitConnection, { description: "Federation leaders' liaison visits (联挂指导), newest first" })
  liaisonVisits(
    @Args(() => LiaisonVisitArgs) { organizationId, from, to, orderBy, ...page }: LiaisonVisitArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const organization = organizationId == null ? undefined : requireUuid(organizationId, 'organizationId');
    return listPage(
      em,
      LiaisonVisit,
      {
        $and: [
          given({ organization, visitedOn: dateRange({ from, to }) }),
          jurisdictionOf({ em, identity }).recordCondition<LiaisonVisit>(),
        ],
      },
      { visitedOn: 'desc', id: 'desc' },
      { fields: LIAISON_VISIT_ORDER, terms: orderBy },
      page,
    );
  }

  @Query(() => DeliberationSessionConnection, { description: 'Government–chamber sessions (政会沟通), newest first' })
  deliberationSessions(
    @Args(() => DeliberationSessionArgs) { kind, from, to, orderBy, ...page }: DeliberationSessionArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    return listPage(
      em,
      DeliberationSession,
      {
        $and: [
          given({ kind, heldOn: dateRange({ from, to }) }),
          jurisdictionOf({ em, identity }).recordCondition<DeliberationSession>(),
        ],
      },
      { heldOn: 'desc', id: 'desc' },
      { fields: DELIBERATION_SESSION_ORDER, terms: orderBy },
      page,
    );
  }

  @Query(() => JointMeetingConnection, { description: 'Joint meetings and group activities (互联互通), newest first' })
  jointMeetings(
    @Args(() => JointMeetingArgs) { kind, from, to, orderBy, ...page }: JointMeetingArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    // A meeting is its participants': seen when one of them is.
    const scope = jurisdictionOf({ em, identity }).linkedCondition<JointMeeting>(
      'joint_meeting_participant',
      'meeting_id',
    );
    return listPage(
      em,
      JointMeeting,
      { $and: [given({ kind, heldOn: dateRange({ from, to }) }), scope] },
      { heldOn: 'desc', id: 'desc' },
      { fields: JOINT_MEETING_ORDER, terms: orderBy },
      page,
    );
  }
}

@Resolver(() => PlatformActivity)
export class PlatformActivityResolver {
  @FieldResolver(() => [Organization])
  organizers(@Root() activity: PlatformActivity, @Ctx() { loaders }: RegistryContext): Promise<Organization[]> {
    return loaders.activityOrganizers.load(activity);
  }

  @FieldResolver(() => [Organization])
  participants(@Root() activity: PlatformActivity, @Ctx() { loaders }: RegistryContext): Promise<Organization[]> {
    return loaders.activityParticipants.load(activity);
  }
}

@Resolver(() => LiaisonVisit)
export class LiaisonVisitResolver {
  @FieldResolver(() => Person, { description: 'The Federation leader who visited' })
  async leader(@Root() visit: LiaisonVisit, @Ctx() { loaders }: RegistryContext): Promise<Person> {
    return (await loaders.person.load(visit.leader.id))!;
  }

  @FieldResolver(() => Organization, { description: 'The chamber visited' })
  async organization(@Root() visit: LiaisonVisit, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(visit.organization.id))!;
  }
}

@Resolver(() => DeliberationSession)
export class DeliberationSessionResolver {
  @FieldResolver(() => [DeliberationIssue], { description: 'Industry issues raised at the session' })
  issues(@Root() session: DeliberationSession, @Ctx() { loaders }: RegistryContext): Promise<DeliberationIssue[]> {
    return loaders.issuesBySession.load(session.id);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The association the session was held with, if one',
  })
  async organization(
    @Root() session: DeliberationSession,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Organization | null> {
    return session.organization ? loaders.organization.load(session.organization.id) : null;
  }
}

@Resolver(() => JointMeeting)
export class JointMeetingResolver {
  @FieldResolver(() => [Organization])
  participants(@Root() meeting: JointMeeting, @Ctx() { loaders }: RegistryContext): Promise<Organization[]> {
    return loaders.meetingParticipants.load(meeting);
  }
}
