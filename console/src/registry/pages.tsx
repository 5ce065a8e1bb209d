import { CloudUploadOutlined, DatabaseOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';

// The registry's pages are one chunk, loaded when one is first opened: the organisations list,
// an organisation (its facts, their keeping and history) and the bulk import.
const OrganizationsPage = lazy(() => import('./OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('./OrganizationPage').then((m) => ({ default: m.OrganizationPage })));
const ImportPage = lazy(() => import('./ImportPage').then((m) => ({ default: m.ImportPage })));
const ImportRunPage = lazy(() => import('./ImportRunPage').then((m) => ({ default: m.ImportRunPage })));

// Everyone who reads the registry sees its list; the keeping buttons on an organisation's page
// and the import are for Federation officers and admins (the hub decides again on every write).
const READERS = ['ADMIN', 'FEDERATION_OFFICER', 'INTEGRATOR'] as const;
const KEEPERS = ['ADMIN', 'FEDERATION_OFFICER'] as const;

export const registryPages: ConsolePage[] = [
  {
    path: 'registry',
    element: <OrganizationsPage />,
    roles: [...READERS],
    menu: { key: 'registry', label: { zh: '组织名录', en: 'Registry' }, icon: <DatabaseOutlined />, order: 45 },
  },
  { path: 'registry/:id', element: <OrganizationPage />, roles: [...READERS] },
  {
    path: 'registry-imports',
    element: <ImportPage />,
    roles: [...KEEPERS],
    menu: {
      key: 'registry-imports',
      label: { zh: '批量导入', en: 'Import' },
      icon: <CloudUploadOutlined />,
      order: 46,
    },
  },
  { path: 'registry-imports/:id', element: <ImportRunPage />, roles: [...KEEPERS] },
];
