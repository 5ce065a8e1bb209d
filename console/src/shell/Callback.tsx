import { Alert, Button, Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { defineMessages, useT } from './i18n';
import { loadConsoleConfig } from './console-config';
import { completeOidcSignIn } from './oidc';
import { sessionFromToken, useSession } from './session';

const messages = defineMessages(
  { working: '正在完成登录……', failed: '登录未完成：{message}', again: '重新登录' },
  { working: 'Finishing sign-in…', failed: 'Sign-in did not finish: {message}', again: 'Sign in again' },
);

/** /console/callback: where the OIDC issuer sends the browser back with a code. */
export function Callback() {
  const t = useT(messages);
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the code may be traded once only (React runs effects twice in development)
    started.current = true;
    (async () => {
      const config = await loadConsoleConfig();
      if (!config.oidc) throw new Error('the hub has no OIDC issuer configured');
      const { token, returnTo } = await completeOidcSignIn(config.oidc, new URLSearchParams(location.search));
      signIn(sessionFromToken(token, 'oidc', { roles: config.oidc.rolesClaim, orgs: config.oidc.orgsClaim }));
      void navigate(returnTo, { replace: true });
    })().catch((error: Error) => setProblem(error.message));
  }, [navigate, signIn]);

  return (
    <Card style={{ maxWidth: 520, margin: '48px auto' }}>
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { message: problem })}
          action={<Button onClick={() => void navigate('/signin')}>{t('again')}</Button>}
        />
      ) : (
        <Spin tip={t('working')}>
          <div style={{ height: 48 }} />
        </Spin>
      )}
    </Card>
  );
}
