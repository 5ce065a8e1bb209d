import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { defineMessages, useT } from './i18n';

// People are named by their token subject in runs and tasks (actors, assignees, named
// candidates). The hub knows the names of those who are registry persons (`subjectNames`);
// other subjects are account names (e.g. dev-admin) and are shown as they are. A person id the
// caller may not see is shown as "a user with no name on record", never as the id.

const SubjectNames = graphql(`
  query ShellSubjectNames($subjects: [String!]!) {
    subjectNames(subjects: $subjects) {
      subject
      name
    }
  }
`);

const messages = defineMessages({ unknown: '未登记姓名的用户' }, { unknown: 'A user with no name on record' });

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A function from a subject to what a person reads for it, for the subjects a page shows. */
export function usePeople(subjects: (string | null | undefined)[]): (subject: string | null | undefined) => string {
  const t = useT(messages);
  const asked = [...new Set(subjects.filter((subject): subject is string => !!subject))].sort();
  const names = useQuery(SubjectNames, {
    variables: { subjects: asked },
    skip: !asked.some((subject) => ID.test(subject)),
  });
  const known = new Map((names.data?.subjectNames ?? []).map((entry) => [entry.subject, entry.name]));
  return (subject) => {
    if (!subject) return '';
    const name = known.get(subject);
    if (name) return name;
    return ID.test(subject) ? t('unknown') : subject;
  };
}
