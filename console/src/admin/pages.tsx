import {
  ApiOutlined,
  BarChartOutlined,
  DashboardOutlined,
  ScheduleOutlined,
  SendOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';

// Each page is its own chunk, loaded when first opened: an approver's first load carries none of them.
const RunsPage = lazy(() => import('./runs/RunsPage').then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import('./run/RunPage').then((m) => ({ default: m.RunPage })));
const SchedulesPage = lazy(() => import('./schedules/SchedulesPage').then((m) => ({ default: m.SchedulesPage })));
const OverviewPage = lazy(() => import('./overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const DeliveriesPage = lazy(() => import('./deliveries/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })));
const IntegratorsPage = lazy(() =>
  import('./integrators/IntegratorsPage').then((m) => ({ default: m.IntegratorsPage })),
);
const StatisticsPage = lazy(() => import('./statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));

// The admins' pages (runs, a run, operations, schedules, overviews, statistics). Statistics are
// the registry's report figures: integrators read them too, with the roles the API's
// `statistics` allows (Federation officers are not among them, so the page is not in their menu).
export const adminPages: ConsolePage[] = [
  {
    path: 'runs',
    element: <RunsPage />,
    roles: ['ADMIN'],
    menu: { key: 'runs', label: { zh: '流程运行', en: 'Runs' }, icon: <UnorderedListOutlined />, order: 20 },
  },
  { path: 'runs/:id', element: <RunPage />, roles: ['ADMIN'] },
  {
    path: 'schedules',
    element: <SchedulesPage />,
    roles: ['ADMIN'],
    menu: { key: 'schedules', label: { zh: '计划任务', en: 'Schedules' }, icon: <ScheduleOutlined />, order: 30 },
  },
  {
    path: 'overview',
    element: <OverviewPage />,
    roles: ['ADMIN'],
    menu: { key: 'overview', label: { zh: '活动总览', en: 'Overview' }, icon: <DashboardOutlined />, order: 40 },
  },
  {
    path: 'deliveries',
    element: <DeliveriesPage />,
    roles: ['ADMIN'],
    menu: { key: 'deliveries', label: { zh: '通知发送', en: 'Deliveries' }, icon: <SendOutlined />, order: 45 },
  },
  {
    path: 'statistics',
    element: <StatisticsPage />,
    roles: ['ADMIN', 'INTEGRATOR'],
    menu: { key: 'statistics', label: { zh: '统计', en: 'Statistics' }, icon: <BarChartOutlined />, order: 50 },
  },
  {
    path: 'integrators',
    element: <IntegratorsPage />,
    roles: ['ADMIN'],
    menu: { key: 'integrators', label: { zh: '接入方', en: 'Integrators' }, icon: <ApiOutlined />, order: 60 },
  },
];
