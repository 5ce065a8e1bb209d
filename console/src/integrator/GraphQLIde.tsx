import 'graphiql/setup-workers/vite'; // Monaco's workers as the hub's own files (no CDN; CSP worker-src 'self' blob:)
import 'graphiql/style.css';
import type { Fetcher } from '@graphiql/toolkit';
import { Alert, Space, Spin, Typography } from 'antd';
import { GraphiQL } from 'graphiql';
import { useEffect, useMemo, useState } from 'react';
import { GRAPHQL_PATH } from '../shell/apollo';
import { defineMessages, useT } from '../shell/i18n';
import { useSession } from '../shell/session';
import { loadIdeSchema, type IdeSchema } from './schema';
import './ide.css';

const messages = defineMessages(
  {
    title: 'GraphQL 调试台',
    intro: '以当前登录身份调用数据中台的 GraphQL 接口（{endpoint}）。点击左侧书本图标查看接口文档。',
    fromGateway: '接口文档来自网关（内省）。',
    bundled: '未能从网关内省接口结构（{reason}），接口文档取自随控制台发布的 schema/api.graphql。',
    loading: '正在读取接口结构……',
  },
  {
    title: 'GraphQL IDE',
    intro:
      'Calls the hub’s GraphQL API ({endpoint}) as the signed-in identity. The book icon on the left opens the API docs.',
    fromGateway: 'The docs come from the gateway (introspection).',
    bundled:
      'The gateway does not answer introspection ({reason}); the docs come from schema/api.graphql, shipped with the console.',
    loading: 'Reading the schema…',
  },
);

const DEFAULT_QUERY = `# 工商联数据中台 · Chamber Federation Data Hub
# Ctrl-Enter runs the query with your session's token.
query FirstOrganizations {
  organizations(first: 5) {
    totalCount
    edges {
      node {
        id
        name
        kind
        regionName
      }
    }
  }
}
`;

/** /console/ide: GraphiQL on the gateway, with the session's bearer token and the schema's docs. */
export default function GraphQLIde() {
  const t = useT(messages);
  const { session } = useSession();
  const token = session?.token;
  const [schema, setSchema] = useState<IdeSchema>();

  useEffect(() => {
    let current = true;
    void loadIdeSchema(token).then((loaded) => current && setSchema(loaded));
    return () => {
      current = false;
    };
  }, [token]);

  // The token travels in the fetcher, not in GraphiQL's header editor: it is never stored with the tabs.
  const fetcher = useMemo<Fetcher>(
    () => async (params) => {
      const response = await fetch(GRAPHQL_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(params),
      });
      return (await response.json()) as Awaited<ReturnType<Fetcher>>;
    },
    [token],
  );

  return (
    <section aria-labelledby="ide-title" className="console-ide">
      <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Title level={1} id="ide-title" style={{ fontSize: 20, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text>{t('intro', { endpoint: GRAPHQL_PATH })}</Typography.Text>
        {schema && (
          <Alert
            type={schema.source === 'gateway' ? 'success' : 'info'}
            showIcon
            data-testid="ide-schema-source"
            data-source={schema.source}
            title={schema.source === 'gateway' ? t('fromGateway') : t('bundled', { reason: schema.reason })}
          />
        )}
      </Space>
      {schema ? (
        <div className="console-ide__frame">
          <GraphiQL
            fetcher={fetcher}
            schema={schema.schema}
            defaultQuery={DEFAULT_QUERY}
            forcedTheme="light"
            shouldPersistHeaders={false}
            isHeadersEditorEnabled={false}
          />
        </div>
      ) : (
        <Spin tip={t('loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      )}
    </section>
  );
}
