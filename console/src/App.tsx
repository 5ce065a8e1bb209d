import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { adminPages } from './admin/pages';
import { approverPages } from './approver/pages';
import { evaluationPages } from './evaluation/pages';
import { integratorPages } from './integrator/pages';
import { procurementPages } from './procurement/pages';
import { registryPages } from './registry/pages';
import { trainingPages } from './training/pages';
import { createApolloClient } from './shell/apollo';
import { Callback } from './shell/Callback';
import { defineMessages, useLocale, useT } from './shell/i18n';
import { ConsoleLayout } from './shell/Layout';
import type { ConsolePage } from './shell/routes';
import { hasRole, useSession } from './shell/session';
import { SignIn } from './shell/SignIn';
import { CatalogWordsProvider } from './shell/words';
import { CONSOLE_THEME } from './shell/theme';

const PAGES: ConsolePage[] = [
  ...approverPages,
  ...trainingPages,
  ...evaluationPages,
  ...procurementPages,
  ...adminPages,
  ...registryPages,
  ...integratorPages,
];

const messages = defineMessages(
  { notAllowed: '你的角色不能打开此页面', notFound: '没有这个页面', expired: '登录已失效，请重新登录：{message}' },
  {
    notAllowed: 'Your roles do not open this page',
    notFound: 'No such page',
    expired: 'Your sign-in ended; sign in again: {message}',
  },
);

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** The first page a person sees: their inbox when they decide tasks, else the runs or the statistics. */
function Home() {
  const { session } = useSession();
  const first = PAGES.filter((page) => page.menu && (!page.roles || hasRole(session, ...page.roles))).sort(
    (a, b) => a.menu!.order - b.menu!.order,
  )[0];
  return <Navigate to={first ? `/${first.path}` : '/signin'} replace />;
}

function Routed() {
  const t = useT(messages);
  const { session, signOut } = useSession();
  // A new client per session: nothing one person's cache held is shown to the next.
  const client = useMemo(() => createApolloClient((message) => signOut(t('expired', { message }))), [session?.token]);
  return (
    <ApolloProvider client={client}>
      <Routes>
        <Route path="/signin" element={<SignIn />} />
        <Route path="/callback" element={<Callback />} />
        <Route
          element={
            <RequireSession>
              <CatalogWordsProvider>
                <ConsoleLayout pages={PAGES} />
              </CatalogWordsProvider>
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          {PAGES.map((page) => (
            <Route
              key={page.path}
              path={page.path}
              element={
                !page.roles || hasRole(session, ...page.roles) ? (
                  page.element
                ) : (
                  <Result status="403" title={t('notAllowed')} />
                )
              }
            />
          ))}
          <Route path="*" element={<Result status="404" title={t('notFound')} />} />
        </Route>
      </Routes>
    </ApolloProvider>
  );
}

export function App() {
  const { locale } = useLocale();
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      theme={CONSOLE_THEME}
      // antd puts a space between two Chinese characters on a button ("查 询"), which screen
      // readers spell out: the words stay as written.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <BrowserRouter basename="/console">
          <Routed />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
