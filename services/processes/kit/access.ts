import type { Candidate } from '../../../workflows/human-task/contracts.js';
import { hasRole, type Identity } from '../../common/identity.js';
import type { HumanTask } from './human-task.js';

// Who may see and act on a task. Candidates are flattened into keys ("role:APPROVER@org:<id>",
// "role:FEDERATION_OFFICER", "subject:<sub>") stored on the row; a caller's own keys are made
// the same way, so "tasks I may see" is one overlap test on an indexed array column.
// FEDERATION_OFFICER alone means the officers of the Federations that supervise the task's
// organisation on the day it opens (docs/jurisdiction.md): "role:FEDERATION_OFFICER@fed:<id>",
// one key per Federation; the caller's token names its Federation (`fed`). Common ground (no
// Federation supervises it), and tasks opened before, keep the plain key: every officer.

export function candidateKey(candidate: Candidate): string {
  if (candidate.subject) return `subject:${candidate.subject}`;
  return candidate.organizationId ? `role:${candidate.role}@org:${candidate.organizationId}` : `role:${candidate.role}`;
}

/** Whether the candidate's people depend on jurisdiction: a Federation's officers, of no organisation named. */
export function followsJurisdiction(candidate: Candidate): boolean {
  return !candidate.subject && !candidate.organizationId && candidate.role === 'FEDERATION_OFFICER';
}

/** The keys of a task's candidates, given the Federations that supervise its organisation on the day. */
export function candidateKeys(candidates: Candidate[], supervising: readonly string[]): string[] {
  return [
    ...new Set(
      candidates.flatMap((candidate) =>
        followsJurisdiction(candidate) && supervising.length
          ? supervising.map((federation) => `role:${candidate.role}@fed:${federation}`)
          : [candidateKey(candidate)],
      ),
    ),
  ];
}

/** Every key that matches this caller: each role alone and within each of its organisations. */
export function callerKeys(identity: Identity): string[] {
  const keys = [`subject:${identity.subject}`];
  for (const role of identity.roles) {
    keys.push(`role:${role}`);
    for (const org of identity.organizationIds) keys.push(`role:${role}@org:${org}`);
    if (identity.federationId) keys.push(`role:${role}@fed:${identity.federationId}`);
  }
  // An officer of a Federation is FEDERATION_OFFICER within that organisation: a task for one
  // Federation's officers alone (the province deciding a city's candidacy) names it.
  const fed = identity.federationId;
  if (fed && identity.roles.includes('FEDERATION_OFFICER') && !identity.organizationIds.includes(fed))
    keys.push(`role:FEDERATION_OFFICER@org:${fed}`);
  return keys;
}

export function isCandidate(
  task: Pick<HumanTask, 'candidateKeys'> & Partial<Pick<HumanTask, 'excludedSubjects'>>,
  identity: Identity,
): boolean {
  if (task.excludedSubjects?.includes(identity.subject)) return false;
  const mine = new Set(callerKeys(identity));
  return task.candidateKeys.some((key) => mine.has(key));
}

/** Candidates, the assignee, everyone it was delegated to, and admins see a task and its thread. */
export function maySee(task: HumanTask, identity: Identity): boolean {
  return (
    hasRole(identity, 'ADMIN') ||
    isCandidate(task, identity) ||
    task.assignee === identity.subject ||
    task.delegates.includes(identity.subject)
  );
}

/** The SQL filter with the same meaning as maySee, for lists. */
export function visibleTo(identity: Identity): object {
  if (hasRole(identity, 'ADMIN')) return {};
  return {
    $or: [
      // A candidate by role, unless the task names them among those who may not act on it.
      {
        candidateKeys: { $overlap: callerKeys(identity) },
        $not: { excludedSubjects: { $overlap: [identity.subject] } },
      },
      { assignee: identity.subject },
      { delegates: { $overlap: [identity.subject] } },
    ],
  };
}

/**
 * Who may decide: the assignee of a claimed task; any candidate of an unclaimed one. The reason
 * is returned in words when the caller may not.
 */
export function whyNotDecide(task: HumanTask, identity: Identity): string | undefined {
  if (task.assignee) {
    return task.assignee === identity.subject
      ? undefined
      : `Task ${task.id} is claimed by ${task.assignee}; only they may decide it`;
  }
  return isCandidate(task, identity) ? undefined : `You are not among the people who may decide task ${task.id}`;
}
