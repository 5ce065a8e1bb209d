import { Card, Col, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId } from 'react';
import { BarChart, type Bar } from '../common/BarChart';

/** One table of the report with the same numbers drawn as bars beside it. */
export function ChartedTable<T extends object>({
  title,
  chartTitle,
  rows,
  rowKey,
  columns,
  bars,
  format,
}: {
  title: string;
  chartTitle: string;
  rows: T[];
  rowKey: keyof T & string;
  columns: ColumnsType<T>;
  bars: Bar[];
  format?: (n: number) => string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginBottom: 16 }}>
      <Card
        title={
          <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
        }
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Table<T> rowKey={rowKey} columns={columns} dataSource={rows} pagination={false} size="small" />
          </Col>
          <Col xs={24} lg={12}>
            <BarChart title={chartTitle} bars={bars} format={format} />
          </Col>
        </Row>
      </Card>
    </section>
  );
}
