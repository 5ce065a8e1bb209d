import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, List, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RegistryImportKind } from '../gql/graphql';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { useSession } from '../shell/session';
import { saveBlob } from './download';
import { optionsOf, shanghaiMinute, wordOf } from './format';
import { IMPORT_TEMPLATE, START_IMPORT, UPLOAD_IMPORT_FILE } from './operations';
import { recentImports, rememberImport } from './recent';
import { IMPORT_KINDS } from './words';

const messages = defineMessages(
  {
    title: '批量导入',
    intro:
      '上传 CSV 或 XLSX 文件（首行为表头，列名见模板）。系统逐行校验并生成预览，再由另一位工作人员在待办中复核；复核同意后才写入登记库。',
    kind: '导入内容',
    file: '文件',
    fileHint: 'CSV（UTF-8）或 XLSX，不超过 640 KiB、10,000 行',
    chooseKind: '请选择导入内容',
    chooseFile: '请选择文件',
    template: '下载模板',
    start: '上传并开始校验',
    refused: '文件未被接受（{code}）：{message}',
    tooLarge: '文件超过 640 KiB，请拆分后分别导入',
    recent: '我最近发起的导入（本浏览器）',
  },
  {
    title: 'Bulk import',
    intro:
      'Upload a CSV or XLSX file (the header row names the columns, as in the template). Every row is checked and previewed; another officer reviews it in the inbox, and only then is it written to the registry.',
    kind: 'What to import',
    file: 'File',
    fileHint: 'CSV (UTF-8) or XLSX, at most 640 KiB and 10,000 rows',
    chooseKind: 'Choose what to import',
    chooseFile: 'Choose a file',
    template: 'Download the template',
    start: 'Upload and check',
    refused: 'The file was not accepted ({code}): {message}',
    tooLarge: 'The file is larger than 640 KiB: split it',
    recent: 'Imports I started lately (this browser)',
  },
);

const MAX_BYTES = 640 * 1024;

/** The file's bytes as base64, for uploadRegistryImportFile. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An officer chooses what to import, downloads its template, uploads the file and starts the check. */
export function ImportPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [form] = Form.useForm<{ kind: RegistryImportKind; file: File }>();
  const kind = Form.useWatch('kind', form);
  const [problem, setProblem] = useState<HubProblem>();
  const [busy, setBusy] = useState(false);
  const [upload] = useMutation(UPLOAD_IMPORT_FILE);
  const [start] = useMutation(START_IMPORT);
  const subject = useSession().session?.subject ?? '';
  const [recent] = useState(() => recentImports(subject));

  async function downloadTemplate() {
    setProblem(undefined);
    try {
      const { data } = await client.query({ query: IMPORT_TEMPLATE, variables: { kind }, fetchPolicy: 'network-only' });
      const csv = data?.registryImportTemplate ?? '';
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${wordOf(IMPORT_KINDS, kind, 'zh')}模板.csv`);
    } catch (error) {
      setProblem(hubProblem(error));
    }
  }

  async function submit({ kind, file }: { kind: RegistryImportKind; file: File }) {
    setProblem(undefined);
    if (file.size > MAX_BYTES) {
      form.setFields([{ name: 'file', errors: [t('tooLarge')] }]);
      return;
    }
    setBusy(true);
    try {
      const uploaded = await upload({
        variables: { kind, fileName: file.name, contentBase64: await base64Of(file) },
      });
      const started = await start({ variables: { fileId: uploaded.data!.uploadRegistryImportFile.id } });
      const id = started.data!.startRegistryImport.id;
      rememberImport(subject, { id, fileName: file.name, kind, startedAt: new Date().toISOString() });
      void navigate(`/registry-imports/${id}`);
    } catch (error) {
      const found = hubProblem(error)!;
      if (found.fields.contentBase64 || found.fields.fileName)
        form.setFields([{ name: 'file', errors: [found.fields.contentBase64 ?? found.fields.fileName] }]);
      setProblem(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <Card size="small" style={{ maxWidth: 720 }}>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            data-testid="import-problem"
            title={t('refused', { code: problemText(problem.code), message: problem.message })}
          />
        )}
        <Form form={form} layout="vertical" name="registry-import" onFinish={(values) => void submit(values)}>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('chooseKind') }]}>
            <Radio.Group options={optionsOf(IMPORT_KINDS, locale)} />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('file')}
            extra={t('fileHint')}
            rules={[{ required: true, message: t('chooseFile') }]}
            getValueFromEvent={(event: { target: HTMLInputElement }) => event.target.files?.[0]}
            valuePropName="files"
            getValueProps={() => ({})}
          >
            <input type="file" accept=".csv,.xlsx" aria-label={t('file')} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('start')}
            </Button>
            <Button disabled={!kind} onClick={() => void downloadTemplate()}>
              {t('template')}
            </Button>
          </Space>
        </Form>
      </Card>
      {recent.length > 0 && (
        <Card
          size="small"
          style={{ maxWidth: 720, marginTop: 16 }}
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('recent')}
            </Typography.Title>
          }
        >
          <List
            size="small"
            dataSource={recent}
            renderItem={(item) => (
              <List.Item>
                <Link to={`/registry-imports/${item.id}`}>{item.fileName}</Link>
                <span>
                  {wordOf(IMPORT_KINDS, item.kind, locale)} · {shanghaiMinute(item.startedAt)}
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
