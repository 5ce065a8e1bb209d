import { useMutation } from '@apollo/client/react';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TrainingCourseQuery } from '../gql/graphql';
import { addDays, beijingToday } from '../shell/china-days';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { RECORD_ATTENDANCE, TRAINING_COURSE } from './operations';
import { PARTICIPATING } from './words';

type Course = TrainingCourseQuery['trainingCourse'];
type Enrollment = Course['enrollments'][number];

const messages = defineMessages(
  {
    title: '出勤登记',
    intro: '每个上课日当天或之后（课程结束前）登记；今天是 {today}。最后一天登记后即结算结业，证书写入名录。',
    person: '学员',
    day: '第 {day} 天',
    dayOf: '第 {day} 天（{date}）',
    attended: '出勤',
    absent: '缺勤',
    notYet: '未到',
    over: '未登记',
    recordAttended: '登记{name}第 {day} 天出勤',
    recordAbsent: '登记{name}第 {day} 天缺勤',
    last: '这是{name}最后一个未登记的上课日：登记后即结算是否结业，不能更改。确定登记为“{what}”？',
    confirm: '确定登记',
    back: '返回',
    failed: '出勤未登记（{code}）：{message}',
    none: '还没有录取的学员',
  },
  {
    title: 'Attendance sheet',
    intro:
      'Record each course day on that day or later, until the course ends; today is {today}. The last day recorded settles completion and writes the certificate.',
    person: 'Participant',
    day: 'Day {day}',
    dayOf: 'Day {day} ({date})',
    attended: 'Attended',
    absent: 'Absent',
    notYet: 'Not yet',
    over: 'Not recorded',
    recordAttended: 'Record day {day} of {name} as attended',
    recordAbsent: 'Record day {day} of {name} as absent',
    last: 'This is the last day of {name} still open: recording it settles completion and cannot be changed. Record “{what}”?',
    confirm: 'Record',
    back: 'Back',
    failed: 'Attendance not recorded ({code}): {message}',
    none: 'No one is enrolled yet',
  },
);

/** A Federation officer's sheet: one row per participant, one column per course day. */
export function AttendanceSheet({ course }: { course: Course }) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const today = beijingToday();
  const lastDay = addDays(course.startsOn, course.days - 1);
  const [problem, setProblem] = useState<HubProblem>();
  const [record, { loading }] = useMutation(RECORD_ATTENDANCE, {
    refetchQueries: [{ query: TRAINING_COURSE, variables: { id: course.id } }],
  });
  const rows = course.enrollments.filter((enrollment) => PARTICIPATING.includes(enrollment.status));

  async function send(enrollment: Enrollment, day: number, attended: boolean) {
    setProblem(undefined);
    try {
      await record({ variables: { id: enrollment.id, day, attended } });
    } catch (error) {
      setProblem(hubProblem(error));
    }
  }

  function cell(enrollment: Enrollment, day: number) {
    const recorded = enrollment.attendance.find((entry) => entry.day === day);
    if (recorded)
      // Words, not colours, tell the two apart (antd's green and red tags read too faintly).
      return <Tag>{recorded.attended ? t('attended') : t('absent')}</Tag>;
    const date = addDays(course.startsOn, day - 1);
    if (enrollment.status !== 'ENROLLED' || today > lastDay) return t('over');
    if (today < date) return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{t('notYet')}</span>;
    const isLast = enrollment.attendance.length === course.days - 1;
    const button = (attended: boolean) => {
      const label = t(attended ? 'recordAttended' : 'recordAbsent', { name: enrollment.personName, day });
      const text = attended ? t('attended') : t('absent');
      const plain = (
        <Button
          size="small"
          aria-label={label}
          danger={!attended}
          disabled={loading}
          onClick={isLast ? undefined : () => void send(enrollment, day, attended)}
        >
          {text}
        </Button>
      );
      return isLast ? (
        <Popconfirm
          title={t('last', { name: enrollment.personName, what: text })}
          okText={t('confirm')}
          cancelText={t('back')}
          onConfirm={() => send(enrollment, day, attended)}
        >
          {plain}
        </Popconfirm>
      ) : (
        plain
      );
    };
    return (
      <Space size={4}>
        {button(true)}
        {button(false)}
      </Space>
    );
  }

  return (
    <section aria-labelledby="attendance-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="attendance-title" style={{ fontSize: 18 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro', { today })}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('person'), dataIndex: 'personName', fixed: 'left' as const },
          ...Array.from({ length: course.days }, (_unused, index) => ({
            title: t('dayOf', { day: index + 1, date: addDays(course.startsOn, index) }),
            key: `day-${index + 1}`,
            render: (enrollment: Enrollment) => cell(enrollment, index + 1),
          })),
        ]}
      />
    </section>
  );
}
