import { useQuery } from '@apollo/client/react';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../admin/common/EmptyText';
import { Problem } from '../admin/common/Problem';
import { addDays } from '../shell/china-days';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { CourseForm } from './CourseForm';
import { TRAINING_COURSES } from './operations';

const messages = defineMessages(
  {
    title: '培训课程',
    intro: '工商联举办的培训班：名额、候补和上课日期。点课程名称查看报名、出勤和证书。',
    course: '课程',
    dates: '上课日期',
    days: '天数',
    seats: '已录取 / 名额',
    waitlisted: '候补',
    none: '还没有培训课程',
  },
  {
    title: 'Training courses',
    intro:
      'Courses the Federation runs: seats, wait-list and days. Open a course for its applications, attendance and certificates.',
    course: 'Course',
    dates: 'Days',
    days: 'Length (days)',
    seats: 'Enrolled / seats',
    waitlisted: 'Wait-listed',
    none: 'No training course yet',
  },
);

/** /console/training: every course; Federation officers and admins announce new ones here. */
export function CoursesPage() {
  const t = useT(messages);
  const { session } = useSession();
  const courses = useQuery(TRAINING_COURSES, { fetchPolicy: 'cache-and-network' });
  const rows = courses.data?.trainingCourses ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Problem error={courses.error} />
      <Table
        rowKey="id"
        size="small"
        loading={courses.loading && !courses.data}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        style={{ marginBottom: 24 }}
        columns={[
          {
            title: t('course'),
            key: 'title',
            render: (course: (typeof rows)[number]) => <Link to={`/training/${course.id}`}>{course.title}</Link>,
          },
          {
            title: t('dates'),
            key: 'dates',
            render: (course: (typeof rows)[number]) =>
              course.days === 1 ? course.startsOn : `${course.startsOn} – ${addDays(course.startsOn, course.days - 1)}`,
          },
          { title: t('days'), dataIndex: 'days', align: 'right' as const },
          {
            title: t('seats'),
            key: 'seats',
            align: 'right' as const,
            render: (course: (typeof rows)[number]) => `${course.enrolledCount} / ${course.capacity}`,
          },
          { title: t('waitlisted'), dataIndex: 'waitlistedCount', align: 'right' as const },
        ]}
      />
      {hasRole(session, 'FEDERATION_OFFICER', 'ADMIN') && <CourseForm />}
    </>
  );
}
