import { useQuery } from '@apollo/client/react';
import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TrainingCourseQuery } from '../gql/graphql';
import { EmptyText } from '../admin/common/EmptyText';
import { Problem } from '../admin/common/Problem';
import { addDays, beijingDay, beijingToday } from '../shell/china-days';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { useCatalogWords, useWords } from '../shell/words';
import { ApplyForm } from './ApplyForm';
import { AttendanceSheet } from './AttendanceSheet';
import { Certificates } from './Certificates';
import { TRAINING_COURSE } from './operations';
import { WithdrawDialog } from './WithdrawDialog';
import { WITHDRAWABLE } from './words';

type Enrollment = TrainingCourseQuery['trainingCourse']['enrollments'][number];

const messages = defineMessages(
  {
    back: '全部课程',
    dates: '上课日期',
    days: '天数',
    capacity: '名额',
    enrolled: '已录取',
    waitlisted: '候补',
    completion: '结业要求',
    completionDays: '出勤 {n} 天',
    everyDay: '每天出勤',
    applications: '报名',
    person: '人员',
    organization: '单位',
    status: '状态',
    requested: '报名日期',
    certificate: '结业证书',
    actions: '操作',
    openTask: '处理{task}',
    withdraw: '撤回',
    withdrawOf: '撤回{name}的报名',
    none: '还没有你可见的报名',
    started: '课程已开班，不再接受报名',
  },
  {
    back: 'All courses',
    dates: 'Days',
    days: 'Length (days)',
    capacity: 'Seats',
    enrolled: 'Enrolled',
    waitlisted: 'Wait-listed',
    completion: 'To complete',
    completionDays: 'attend {n} days',
    everyDay: 'attend every day',
    applications: 'Applications',
    person: 'Person',
    organization: 'Organisation',
    status: 'Status',
    requested: 'Applied on',
    certificate: 'Certificate',
    actions: 'Actions',
    openTask: 'Open: {task}',
    withdraw: 'Withdraw',
    withdrawOf: 'Withdraw the application of {name}',
    none: 'No application you may see yet',
    started: 'The course has started; applications are closed',
  },
);

/** /console/training/:id — a course: its seats, the applications, the attendance sheet, certificates. */
export function CoursePage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const word = useWords();
  const words = useCatalogWords();
  const { session } = useSession();
  const [withdrawing, setWithdrawing] = useState<Enrollment>();
  const query = useQuery(TRAINING_COURSE, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const course = query.data?.trainingCourse;
  const officer = hasRole(session, 'FEDERATION_OFFICER', 'ADMIN');
  const approverOrgs = hasRole(session, 'APPROVER') ? (session?.organizationIds ?? []) : [];
  const open = course ? beijingToday() < course.startsOn : false;
  // Once every day is recorded the workflow settles completion and writes the certificate just
  // after the answer: the page asks again until no participant is left in between.
  const settling = !!course?.enrollments.some((e) => e.status === 'ENROLLED' && e.attendance.length === course.days);
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (!settling) return;
    startPolling(1_000);
    return () => stopPolling();
  }, [settling, startPolling, stopPolling]);

  const mayWithdraw = (enrollment: Enrollment) =>
    open &&
    WITHDRAWABLE.includes(enrollment.status) &&
    (hasRole(session, 'ADMIN') || approverOrgs.includes(enrollment.organization.id));

  return (
    <>
      <p>
        <Link to="/training">{t('back')}</Link>
      </p>
      <Problem error={query.error} />
      {course && (
        <>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {course.title}
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('dates')}>
              {course.days === 1
                ? course.startsOn
                : `${course.startsOn} – ${addDays(course.startsOn, course.days - 1)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('days')}>{course.days}</Descriptions.Item>
            <Descriptions.Item label={t('capacity')}>{course.capacity}</Descriptions.Item>
            <Descriptions.Item label={t('enrolled')}>{course.enrolledCount}</Descriptions.Item>
            <Descriptions.Item label={t('waitlisted')}>{course.waitlistedCount}</Descriptions.Item>
            <Descriptions.Item label={t('completion')}>
              {course.completionDays ? t('completionDays', { n: course.completionDays }) : t('everyDay')}
            </Descriptions.Item>
          </Descriptions>
          {approverOrgs.length > 0 &&
            (open ? (
              <ApplyForm
                courseId={course.id}
                organizationIds={approverOrgs}
                appliedPersonIds={course.enrollments.flatMap((e) => (e.personId ? [e.personId] : []))}
              />
            ) : (
              <Typography.Paragraph>{t('started')}</Typography.Paragraph>
            ))}
          <section aria-labelledby="applications-title" style={{ marginBottom: 24 }}>
            <Typography.Title level={2} id="applications-title" style={{ fontSize: 18 }}>
              {t('applications')}
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={course.enrollments}
              locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
              columns={[
                { title: t('person'), dataIndex: 'personName' },
                { title: t('organization'), key: 'org', render: (e: Enrollment) => e.organization.name },
                {
                  title: t('status'),
                  key: 'status',
                  render: (e: Enrollment) => <Tag>{word(words.stages, e.status)}</Tag>,
                },
                { title: t('requested'), key: 'requested', render: (e: Enrollment) => beijingDay(e.requestedAt) },
                {
                  title: t('certificate'),
                  key: 'certificate',
                  render: (e: Enrollment) =>
                    e.certificateId && e.personId ? (
                      <Certificates personId={e.personId} certificateId={e.certificateId} />
                    ) : null,
                },
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (e: Enrollment) => (
                    <Space wrap>
                      {e.tasks
                        .filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED')
                        .map((task) => (
                          <Link key={task.id} to={`/tasks/${task.id}`}>
                            {t('openTask', { task: word(words.taskKinds, task.kind) })}
                          </Link>
                        ))}
                      {mayWithdraw(e) && (
                        <Button
                          size="small"
                          danger
                          aria-label={t('withdrawOf', { name: e.personName })}
                          onClick={() => setWithdrawing(e)}
                        >
                          {t('withdraw')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </section>
          {officer && <AttendanceSheet course={course} />}
          <WithdrawDialog courseId={course.id} enrollment={withdrawing} onClose={() => setWithdrawing(undefined)} />
        </>
      )}
    </>
  );
}
