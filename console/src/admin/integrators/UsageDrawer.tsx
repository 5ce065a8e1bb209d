import { useQuery } from '@apollo/client/react';
import { DatePicker, Drawer, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../shell/i18n';
import { EmptyText } from '../common/EmptyText';
import { Problem } from '../common/Problem';
import { chinaDay } from './chinaDay';
import { IntegratorUsage } from './operations';
import { messages } from './messages';

/** A client's usage per Asia/Shanghai day and operation, over days the admin picks (the last 7 first). */
export function UsageDrawer({ clientId, name, onClose }: { clientId: string; name: string; onClose: () => void }) {
  const t = useT(messages);
  const [range, setRange] = useState<[string, string]>([chinaDay(new Date(), 6), chinaDay()]);
  const usage = useQuery(IntegratorUsage, {
    variables: { clientId, from: range[0], to: range[1] },
    fetchPolicy: 'network-only',
  });
  const rows = usage.data?.integratorUsage ?? [];
  return (
    <Drawer open width={720} title={t('usageTitle', { name })} onClose={onClose}>
      <DatePicker.RangePicker
        aria-label={t('days')}
        allowClear={false}
        value={[dayjs(range[0]), dayjs(range[1])]}
        onChange={(days) => {
          const [from, to] = (days ?? []) as [Dayjs | null, Dayjs | null];
          if (from && to) setRange([from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD')]);
        }}
        style={{ marginBottom: 16 }}
      />
      <Problem error={usage.error} />
      <Table
        size="small"
        loading={usage.loading}
        rowKey={(r) => `${r.day} ${r.operation}`}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('noUsage')}</EmptyText> }}
        columns={[
          { title: t('day'), dataIndex: 'day' },
          {
            title: t('operation'),
            dataIndex: 'operation',
            render: (o: string) => (o === '(unregistered)' ? t('unregistered') : o),
          },
          { title: t('requests'), dataIndex: 'requests', align: 'right' },
          { title: t('errors'), dataIndex: 'errors', align: 'right' },
          { title: t('rows'), dataIndex: 'rows', align: 'right' },
        ]}
      />
    </Drawer>
  );
}
