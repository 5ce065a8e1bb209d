import { AuditOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';

// Each page is its own chunk, loaded when first opened.
const CampaignsPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const ChamberEvaluationsPage = lazy(() =>
  import('./ChamberEvaluationsPage').then((m) => ({ default: m.ChamberEvaluationsPage })),
);

// Annual evaluation (年度评价): Federation officers and admins start campaigns and follow them;
// a chamber's approvers (its secretariat) follow their own evaluations, reach their tasks
// (application, self-assessment) and object during the public notice.
export const evaluationPages: ConsolePage[] = [
  {
    path: 'evaluation',
    element: <CampaignsPage />,
    roles: ['FEDERATION_OFFICER', 'ADMIN'],
    menu: { key: 'evaluation', label: { zh: '评价活动', en: 'Evaluations' }, icon: <TrophyOutlined />, order: 16 },
  },
  {
    path: 'evaluation/mine',
    element: <ChamberEvaluationsPage />,
    roles: ['APPROVER'],
    menu: {
      key: 'evaluation-mine',
      label: { zh: '本会参评', en: 'Our evaluations' },
      icon: <AuditOutlined />,
      order: 17,
    },
  },
];
