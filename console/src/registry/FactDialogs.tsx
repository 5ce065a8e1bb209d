import { useMutation } from '@apollo/client/react';
import { Form, Input, InputNumber, Select } from 'antd';
import type { CreditOutcome, InspectionResult, ListKind, PenaltyKind, RegistryOrganizationQuery } from '../gql/graphql';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { optionsOf, shanghaiToday } from './format';
import { KeepingDialog } from './KeepingDialog';
import {
  CORRECT_CREDIT_ENTRY,
  CORRECT_INSPECTION,
  CORRECT_PENALTY,
  RECORD_INSPECTION,
  RECORD_LIST_ENTRY,
  RECORD_PENALTY,
  REMOVE_LIST_ENTRY,
  UPDATE_ORGANIZATION,
} from './operations';
import { CREDIT_OUTCOMES, FIELDS, INSPECTION_RESULTS, LISTS, PENALTY_KINDS } from './words';

type Org = RegistryOrganizationQuery['organization'];
type Inspection = Org['annualInspections'][number];
type Penalty = Org['penalties'][number];
type ListEntry = Org['listEntries'][number];
type CreditEntry = Org['creditRecord'][number];

/** Which write an officer has opened: a new record, or a correction of the one given. */
export type Editing =
  | { kind: 'profile' }
  | { kind: 'inspection'; record?: Inspection }
  | { kind: 'penalty'; record?: Penalty }
  | { kind: 'listEntry' }
  | { kind: 'listRemoval'; record: ListEntry }
  | { kind: 'credit'; record: CreditEntry };

const messages = defineMessages(
  {
    profile: '编辑基本信息',
    recordInspection: '记录年检结论',
    correctInspection: '更正 {year} 年度年检结论',
    recordPenalty: '记录行政处罚',
    correctPenalty: '更正行政处罚',
    recordListEntry: '列入名录',
    removeListEntry: '移出{list}',
    correctCredit: '更正信用记录',
    required: '请填写{label}',
    badDay: '{label}须为 yyyy-mm-dd 格式的日期',
  },
  {
    profile: 'Edit the profile',
    recordInspection: 'Record an inspection result',
    correctInspection: 'Correct the {year} inspection result',
    recordPenalty: 'Record a penalty',
    correctPenalty: 'Correct the penalty',
    recordListEntry: 'Put on a list',
    removeListEntry: 'Take off the {list}',
    correctCredit: 'Correct the credit entry',
    required: 'Enter {label}',
    badDay: '{label} must be a day written yyyy-mm-dd',
  },
);

/** The organisation's facts an officer records or corrects, each in its dialog. */
export function FactDialog(props: {
  organization: Org;
  editing?: Editing;
  onClose(saved: boolean): void;
  onReload(): void;
}) {
  const t = useT(messages);
  const { locale } = useLocale();
  const label = (field: string) => FIELDS[field]?.[locale] ?? field;
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('required', { label: label(field) }) },
  ];
  const isDay = (field: string, must = false) => [
    ...(must ? [{ required: true, message: t('required', { label: label(field) }) }] : []),
    { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('badDay', { label: label(field) }) },
  ];
  const refetch = { refetchQueries: ['RegistryOrganization', 'RegistryHistory'], awaitRefetchQueries: true };
  const [updateOrganization] = useMutation(UPDATE_ORGANIZATION, refetch);
  const [recordInspection] = useMutation(RECORD_INSPECTION, refetch);
  const [correctInspection] = useMutation(CORRECT_INSPECTION, refetch);
  const [recordPenalty] = useMutation(RECORD_PENALTY, refetch);
  const [correctPenalty] = useMutation(CORRECT_PENALTY, refetch);
  const [recordListEntry] = useMutation(RECORD_LIST_ENTRY, refetch);
  const [removeListEntry] = useMutation(REMOVE_LIST_ENTRY, refetch);
  const [correctCreditEntry] = useMutation(CORRECT_CREDIT_ENTRY, refetch);

  const { organization: org, editing } = props;
  const common = { open: !!editing, onClose: props.onClose, onReload: props.onReload };
  const text = (field: string, must = true, long = false) => (
    <Form.Item name={field} label={label(field)} rules={must ? required(field) : []}>
      {long ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} /> : <Input />}
    </Form.Item>
  );
  const dayField = (field: string, must = true) => (
    <Form.Item name={field} label={label(field)} rules={isDay(field, must)} extra="yyyy-mm-dd">
      <Input placeholder={shanghaiToday()} />
    </Form.Item>
  );
  const choice = (field: string, options: { value: string; label: string }[], must = true) => (
    <Form.Item
      name={field}
      label={label(field)}
      rules={must ? [{ required: true, message: t('required', { label: label(field) }) }] : []}
    >
      <Select options={options} allowClear={!must} />
    </Form.Item>
  );
  /** What changed, for a patch: a field left as it was is not sent. */
  const changed = <T extends Record<string, unknown>>(values: T, was: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(values).filter(([key, value]) => key !== 'reason' && (value ?? null) !== (was[key] ?? null)),
    ) as Partial<T>;
  const blankAsNull = <T extends Record<string, unknown>>(values: T) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === '' ? null : value])) as T;

  switch (editing?.kind) {
    case 'profile': {
      const was = {
        name: org.name,
        shortName: org.shortName,
        englishName: org.englishName,
        regionCode: org.regionCode,
        creditCode: org.creditCode,
        registeredOn: org.registeredOn,
      };
      return (
        <KeepingDialog<typeof was>
          {...common}
          title={t('profile')}
          initialValues={was}
          reasonRequired={false}
          onSubmit={({ reason: _reason, ...values }) =>
            updateOrganization({
              variables: { id: org.id, version: org.version, input: changed(blankAsNull(values), was) },
            })
          }
        >
          {() => (
            <>
              {text('name')}
              {text('shortName', false)}
              {text('englishName', false)}
              {text('regionCode')}
              {text('creditCode', false)}
              {dayField('registeredOn', false)}
            </>
          )}
        </KeepingDialog>
      );
    }
    case 'inspection': {
      const record = editing.record;
      return (
        <KeepingDialog<{ year: number; result: InspectionResult }>
          {...common}
          title={record ? t('correctInspection', { year: record.year }) : t('recordInspection')}
          initialValues={
            record ? { year: record.year, result: record.result } : { year: Number(shanghaiToday().slice(0, 4)) - 1 }
          }
          reasonRequired={!!record}
          onSubmit={({ year, result, reason }) =>
            record
              ? correctInspection({ variables: { id: record.id, version: record.version, result, reason: reason! } })
              : recordInspection({ variables: { input: { organizationId: org.id, year, result }, reason } })
          }
        >
          {() => (
            <>
              <Form.Item
                name="year"
                label={label('year')}
                rules={[{ required: true, message: t('required', { label: label('year') }) }]}
              >
                <InputNumber disabled={!!record} min={1949} max={2100} />
              </Form.Item>
              {choice('result', optionsOf(INSPECTION_RESULTS, locale))}
            </>
          )}
        </KeepingDialog>
      );
    }
    case 'penalty': {
      const record = editing.record;
      const was = record
        ? {
            decidedOn: record.decidedOn,
            authority: record.authority,
            kind: record.kind,
            documentNumber: record.documentNumber ?? '',
            description: record.description,
            servedUntil: record.servedUntil ?? '',
          }
        : undefined;
      type Values = {
        decidedOn: string;
        authority: string;
        kind: PenaltyKind;
        documentNumber: string;
        description: string;
        servedUntil?: string;
      };
      return (
        <KeepingDialog<Values>
          {...common}
          title={record ? t('correctPenalty') : t('recordPenalty')}
          initialValues={was}
          reasonRequired={!!record}
          onSubmit={({ reason, ...values }) => {
            const fields = blankAsNull(values);
            return record && was
              ? correctPenalty({
                  variables: {
                    id: record.id,
                    version: record.version,
                    input: changed(fields, blankAsNull(was)),
                    reason: reason!,
                  },
                })
              : recordPenalty({ variables: { input: { ...fields, organizationId: org.id }, reason } });
          }}
        >
          {() => (
            <>
              {dayField('decidedOn')}
              {text('authority')}
              {choice('kind', optionsOf(PENALTY_KINDS, locale))}
              {text('documentNumber')}
              {text('description', true, true)}
              {dayField('servedUntil', false)}
            </>
          )}
        </KeepingDialog>
      );
    }
    case 'listEntry':
      return (
        <KeepingDialog<{ list: ListKind; listedOn: string }>
          {...common}
          title={t('recordListEntry')}
          initialValues={{ listedOn: shanghaiToday() }}
          reasonRequired
          withReason={false}
          onSubmit={({ list, listedOn, reason }) =>
            recordListEntry({ variables: { input: { organizationId: org.id, list, listedOn, reason: reason! } } })
          }
        >
          {() => (
            <>
              {choice('list', optionsOf(LISTS, locale))}
              {dayField('listedOn')}
              <Form.Item
                name="reason"
                label={label('reason')}
                rules={[{ required: true, whitespace: true, message: t('required', { label: label('reason') }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
              </Form.Item>
            </>
          )}
        </KeepingDialog>
      );
    case 'listRemoval': {
      const record = editing.record;
      return (
        <KeepingDialog<{ removedOn: string }>
          {...common}
          title={t('removeListEntry', { list: LISTS[record.list]?.[locale] ?? record.list })}
          initialValues={{ removedOn: shanghaiToday() }}
          reasonRequired
          onSubmit={({ removedOn, reason }) =>
            removeListEntry({ variables: { id: record.id, version: record.version, removedOn, reason: reason! } })
          }
        >
          {() => dayField('removedOn')}
        </KeepingDialog>
      );
    }
    case 'credit': {
      const record = editing.record;
      const was = {
        summary: record.summary,
        recordedOn: record.recordedOn,
        source: record.source,
        outcome: record.outcome ?? undefined,
      };
      return (
        <KeepingDialog<{ summary: string; recordedOn: string; source: string; outcome?: CreditOutcome }>
          {...common}
          title={t('correctCredit')}
          initialValues={was}
          reasonRequired
          onSubmit={({ reason, ...values }) =>
            correctCreditEntry({
              variables: { id: record.id, version: record.version, input: changed(values, was), reason: reason! },
            })
          }
        >
          {() => (
            <>
              {text('summary', true, true)}
              {dayField('recordedOn')}
              {text('source')}
              {record.kind === 'PERFORMANCE' && choice('outcome', optionsOf(CREDIT_OUTCOMES, locale), false)}
            </>
          )}
        </KeepingDialog>
      );
    }
    default:
      return null;
  }
}
