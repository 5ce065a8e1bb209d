import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';

// Government service procurement (政府购买服务), each page its own chunk loaded when first opened.
// The list and a procurement's page are public notices (every signed-in person, each seeing what
// the hub lets their token see: a bidder its own bids until the award is public); only an
// agency officer publishes. Committee members come to a procurement from their scoring tasks.
const ProcurementsPage = lazy(() => import('./ProcurementsPage').then((m) => ({ default: m.ProcurementsPage })));
const ProcurementPage = lazy(() => import('./ProcurementPage').then((m) => ({ default: m.ProcurementPage })));
const PublishPage = lazy(() => import('./PublishPage').then((m) => ({ default: m.PublishPage })));

export const procurementPages: ConsolePage[] = [
  {
    path: 'procurements',
    element: <ProcurementsPage />,
    roles: ['AGENCY_OFFICER', 'AGENCY_HEAD', 'APPROVER', 'ADMIN', 'FEDERATION_OFFICER'],
    menu: {
      key: 'procurements',
      label: { zh: '政府购买服务', en: 'Service procurement' },
      icon: <ShopOutlined />,
      order: 15,
    },
  },
  { path: 'procurements/new', element: <PublishPage />, roles: ['AGENCY_OFFICER'] },
  { path: 'procurements/:id', element: <ProcurementPage /> },
];
