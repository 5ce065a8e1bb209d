import { Alert, Button, Card, Divider, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { defineMessages, useBilingual, useLocale, useT } from './i18n';
import { devToken, loadConsoleConfig, type ConsoleConfig } from './console-config';
import { beginOidcSignIn } from './oidc';
import { sessionFromToken, useSession } from './session';
import { LocaleSwitch } from './LocaleSwitch';

const messages = defineMessages(
  {
    title: '工商联数据中台',
    subtitle: '审批人待办与流程管理控制台',
    oidc: '使用统一身份认证登录',
    dev: '开发环境：选择一个种子身份',
    devHint: '只有当数据中台使用开发密钥运行时才提供这些身份。',
    noWay: '没有可用的登录方式：请配置 OIDC 签发者（OIDC_ISSUER）。',
    signInAs: '以此身份登录',
    failed: '登录失败：{message}',
    loadFailed: '无法读取登录设置：{message}',
  },
  {
    title: 'Chamber Federation Data Hub',
    subtitle: 'Console for approvers’ tasks and process operations',
    oidc: 'Sign in with single sign-on',
    dev: 'Development: pick a seeded identity',
    devHint: 'These identities exist only while the hub runs with its dev secret.',
    noWay: 'No way to sign in: configure an OIDC issuer (OIDC_ISSUER).',
    signInAs: 'Sign in as this identity',
    failed: 'Sign-in failed: {message}',
    loadFailed: 'Could not read the sign-in settings: {message}',
  },
);

export function SignIn() {
  const t = useT(messages);
  const text = useBilingual();
  const { locale } = useLocale();
  const { signIn, endReason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';
  const [config, setConfig] = useState<ConsoleConfig>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    loadConsoleConfig().then(setConfig, (error: Error) => setProblem(t('loadFailed', { message: error.message })));
  }, [t]);

  async function signInDev(identity: string) {
    setBusy(identity);
    try {
      signIn(sessionFromToken(await devToken(identity), 'dev'));
      void navigate(returnTo, { replace: true });
    } catch (error) {
      setProblem(t('failed', { message: (error as Error).message }));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <main className="sign-in" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Card style={{ maxWidth: 640, margin: '48px auto' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
          </div>
          <LocaleSwitch />
        </Space>
        <Divider />
        {endReason && <Alert type="warning" showIcon title={endReason} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
        {!config && !problem && <Spin />}
        {config?.oidc && (
          <Button type="primary" size="large" block onClick={() => void beginOidcSignIn(config.oidc!, returnTo)}>
            {t('oidc')}
          </Button>
        )}
        {config && !config.oidc && !config.devSignIn && <Alert type="info" showIcon title={t('noWay')} />}
        {config?.devSignIn && (
          <>
            {config.oidc && <Divider />}
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('dev')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('devHint')}</Typography.Paragraph>
            <List
              dataSource={config.identities}
              renderItem={(identity) => (
                <List.Item
                  actions={[
                    <Button
                      key="go"
                      loading={busy === identity.id}
                      onClick={() => void signInDev(identity.id)}
                      aria-label={`${t('signInAs')}: ${text(identity.name)}`}
                    >
                      {t('signInAs')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={text(identity.name)}
                    description={
                      <>
                        {text(identity.description)}{' '}
                        {identity.roles.map((role) => (
                          <Tag key={role}>{role}</Tag>
                        ))}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </main>
  );
}
