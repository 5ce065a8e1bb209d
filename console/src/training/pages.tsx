import { ReadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';

// Each page is its own chunk, loaded when first opened.
const CoursesPage = lazy(() => import('./CoursesPage').then((m) => ({ default: m.CoursesPage })));
const CoursePage = lazy(() => import('./CoursePage').then((m) => ({ default: m.CoursePage })));

// Training (培训): chamber secretaries apply their people and withdraw them; Federation officers
// announce courses, confirm seats (the confirmation task, from a course's page) and keep the
// attendance sheet; certificates show on each application.
export const trainingPages: ConsolePage[] = [
  {
    path: 'training',
    element: <CoursesPage />,
    roles: ['APPROVER', 'FEDERATION_OFFICER', 'ADMIN'],
    menu: { key: 'training', label: { zh: '培训', en: 'Training' }, icon: <ReadOutlined />, order: 15 },
  },
  { path: 'training/:id', element: <CoursePage />, roles: ['APPROVER', 'FEDERATION_OFFICER', 'ADMIN'] },
];
