import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { defineMessages, useBilingual, useT } from './i18n';
import { LocaleSwitch } from './LocaleSwitch';
import type { ConsolePage } from './routes';
import { hasRole, useSession } from './session';
import { useCatalogWords, useWords } from './words';

const messages = defineMessages(
  { brand: '工商联数据中台', signOut: '退出登录', nav: '主菜单', signedInAs: '当前用户' },
  { brand: 'Federation Data Hub', signOut: 'Sign out', nav: 'Main menu', signedInAs: 'Signed in as' },
);

/** The frame of every page after sign-in: the menu of the pages the caller's roles may open. */
export function ConsoleLayout({ pages }: { pages: ConsolePage[] }) {
  const t = useT(messages);
  const text = useBilingual();
  const { session, signOut } = useSession();
  const roles = useCatalogWords().roles;
  const word = useWords();
  const navigate = useNavigate();
  const location = useLocation();
  const items = pages
    .filter((page) => page.menu && (!page.roles || hasRole(session, ...page.roles)))
    .sort((a, b) => a.menu!.order - b.menu!.order)
    .map((page) => ({ key: `/${page.path}`, icon: page.menu!.icon, label: text(page.menu!.label) }));
  const selected = items
    .filter((item) => location.pathname === item.key || location.pathname.startsWith(`${item.key}/`))
    .map((item) => item.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <Typography.Title level={2} style={{ fontSize: 16, padding: '16px 20px', margin: 0 }}>
          {t('brand')}
        </Typography.Title>
        <nav aria-label={t('nav')}>
          <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => void navigate(key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: 'transparent',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Space>
            <span className="visually-hidden">{t('signedInAs')}</span>
            <Typography.Text strong data-testid="current-user">
              {session?.name}
            </Typography.Text>
            {session?.roles.map((role) => (
              <Tag key={role}>{word(roles, role)}</Tag>
            ))}
          </Space>
          <LocaleSwitch />
          <Button onClick={() => signOut()}>{t('signOut')}</Button>
        </Layout.Header>
        <Layout.Content style={{ padding: '0 24px 24px' }}>
          <main>
            {/* Pages are loaded on first visit (React.lazy): a spinner while the chunk comes. */}
            <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
