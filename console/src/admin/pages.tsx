import { BarChartOutlined, DashboardOutlined, ScheduleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import type { ConsolePage } from '../shell/routes';
import { OverviewPage } from './overview/OverviewPage';
import { RunPage } from './run/RunPage';
import { RunsPage } from './runs/RunsPage';
import { SchedulesPage } from './schedules/SchedulesPage';
import { StatisticsPage } from './statistics/StatisticsPage';

/**
 * antd's defaults, adjusted for the admin pages until the shell's theme does it for every page:
 * its status colours, link blue and secondary greys are under WCAG AA's 4.5:1 on their grounds
 * (axe color-contrast), so the next darker shade of each palette; and antd puts a space between
 * two Chinese characters on a button ("查 询"), which screen readers spell out, so the words
 * stay as written.
 */
const THEME = {
  token: {
    // A dark seed makes antd derive murky grounds from it: the light ones are given as well.
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorInfo: '#0958d9',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
};
const frame = (page: ReactNode) => (
  <ConfigProvider theme={THEME} button={{ autoInsertSpace: false }}>
    {page}
  </ConfigProvider>
);

// The admins' pages (runs, a run, operations, schedules, overviews, statistics). Statistics are
// the registry's public report figures, so integrators and Federation officers read them too.
export const adminPages: ConsolePage[] = [
  { path: 'runs', element: frame(<RunsPage />), roles: ['ADMIN'], menu: { key: 'runs', label: { zh: '流程运行', en: 'Runs' }, icon: <UnorderedListOutlined />, order: 20 } },
  { path: 'runs/:id', element: frame(<RunPage />), roles: ['ADMIN'] },
  { path: 'schedules', element: frame(<SchedulesPage />), roles: ['ADMIN'], menu: { key: 'schedules', label: { zh: '计划任务', en: 'Schedules' }, icon: <ScheduleOutlined />, order: 30 } },
  { path: 'overview', element: frame(<OverviewPage />), roles: ['ADMIN'], menu: { key: 'overview', label: { zh: '活动总览', en: 'Overview' }, icon: <DashboardOutlined />, order: 40 } },
  {
    path: 'statistics',
    element: frame(<StatisticsPage />),
    roles: ['ADMIN', 'INTEGRATOR', 'FEDERATION_OFFICER'],
    menu: { key: 'statistics', label: { zh: '统计', en: 'Statistics' }, icon: <BarChartOutlined />, order: 50 },
  },
];
