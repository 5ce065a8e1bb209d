import { ApiOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ConsolePage } from '../shell/routes';

// The integrators' page: the offline GraphQL IDE. Loaded only when opened: GraphiQL and its
// Monaco editor are most of the console's bytes, and approvers never need them.
const GraphQLIde = lazy(() => import('./GraphQLIde'));

export const integratorPages: ConsolePage[] = [
  {
    path: 'ide',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
        <GraphQLIde />
      </Suspense>
    ),
    // Every signed-in role: each sees in it what its token may see.
    menu: { key: 'ide', label: { zh: 'GraphQL 调试台', en: 'GraphQL IDE' }, icon: <ApiOutlined />, order: 90 },
  },
];
