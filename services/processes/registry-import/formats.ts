// The layouts an import file may have, one per kind: the Chinese column headers as the civil
// affairs and market regulation spreadsheets name them, and the words their cells use. The
// docs (docs/registry-import.md) and the template files are made from these tables.

export type ImportKind = 'ORGANIZATIONS' | 'INSPECTIONS' | 'PENALTIES' | 'LIST_ENTRIES';
export const IMPORT_KINDS: ImportKind[] = ['ORGANIZATIONS', 'INSPECTIONS', 'PENALTIES', 'LIST_ENTRIES'];

export interface Column {
  /** The header in the file. */
  header: string;
  /** The field of the row it fills. */
  field: string;
  required: boolean;
  maxLength: number;
  /** What a cell holds, in Chinese, for the docs and the errors. */
  about: string;
}

export const ORGANIZATION_KIND_WORDS: Record<string, string> = {
  行业协会商会: 'INDUSTRY_ASSOCIATION',
  异地商会: 'OUT_OF_TOWN_CHAMBER',
  基层商会: 'GRASSROOTS_CHAMBER',
  基金会: 'FOUNDATION',
  会员企业: 'ENTERPRISE',
};

export const INSPECTION_RESULT_WORDS: Record<string, string> = {
  合格: 'PASS',
  基本合格: 'BASIC_PASS',
  不合格: 'FAIL',
  未参检: 'MISSED',
  未参加年检: 'MISSED',
};

/** 处罚种类 as the registry's export writes them. */
export const PENALTY_KIND_WORDS: Record<string, string> = {
  警告: 'WARNING',
  罚款: 'FINE',
  '没收违法所得、非法财产': 'CONFISCATION',
  限期停止活动: 'SUSPENSION',
  责令撤换负责人: 'REPLACE_LEADERS',
  撤销登记: 'DEREGISTRATION',
  其他: 'OTHER',
};

/** 名录: the registry's two lists; market regulation's files say 经营异常名录 for the first. */
export const LIST_NAME_WORDS: Record<string, string> = {
  活动异常名录: 'ABNORMAL_ACTIVITY',
  经营异常名录: 'ABNORMAL_ACTIVITY',
  严重违法失信名单: 'SERIOUS_VIOLATION',
};

const CREDIT_CODE: Column = {
  header: '统一社会信用代码',
  field: 'creditCode',
  required: true,
  maxLength: 18,
  about: '18 位，含校验位',
};

export const COLUMNS: Record<ImportKind, Column[]> = {
  ORGANIZATIONS: [
    CREDIT_CODE,
    { header: '名称', field: 'name', required: true, maxLength: 100, about: '组织全称' },
    {
      header: '组织类型',
      field: 'kind',
      required: true,
      maxLength: 10,
      about: Object.keys(ORGANIZATION_KIND_WORDS).join('、'),
    },
    { header: '行政区划代码', field: 'regionCode', required: true, maxLength: 6, about: '6 位（GB/T 2260）' },
    { header: '登记日期', field: 'registeredOn', required: false, maxLength: 10, about: 'yyyy-mm-dd，不晚于今天' },
  ],
  INSPECTIONS: [
    CREDIT_CODE,
    { header: '名称', field: 'name', required: false, maxLength: 100, about: '仅供核对，不导入' },
    { header: '年度', field: 'year', required: true, maxLength: 4, about: '被检查的年度（四位数字）' },
    {
      header: '年检结果',
      field: 'result',
      required: true,
      maxLength: 5,
      about: Object.keys(INSPECTION_RESULT_WORDS).join('、'),
    },
  ],
  PENALTIES: [
    CREDIT_CODE,
    { header: '名称', field: 'name', required: false, maxLength: 100, about: '仅供核对，不导入' },
    { header: '处罚决定日期', field: 'decidedOn', required: true, maxLength: 10, about: 'yyyy-mm-dd，不晚于今天' },
    { header: '处罚机关', field: 'authority', required: true, maxLength: 200, about: '如 嘉兴市民政局' },
    {
      header: '处罚决定书文号',
      field: 'documentNumber',
      required: true,
      maxLength: 100,
      about: '如 嘉民罚字〔2019〕3号；与处罚机关一起确定一份决定',
    },
    {
      header: '处罚种类',
      field: 'kind',
      required: true,
      maxLength: 20,
      about: Object.keys(PENALTY_KIND_WORDS).join('、'),
    },
    { header: '处罚内容', field: 'description', required: true, maxLength: 500, about: '决定的内容' },
    { header: '执行期限', field: 'servedUntil', required: false, maxLength: 10, about: 'yyyy-mm-dd，不早于决定日期' },
  ],
  LIST_ENTRIES: [
    CREDIT_CODE,
    { header: '名称', field: 'name', required: false, maxLength: 100, about: '仅供核对，不导入' },
    {
      header: '名录',
      field: 'list',
      required: true,
      maxLength: 10,
      about: `${Object.keys(LIST_NAME_WORDS).join('、')}（经营异常名录即活动异常名录）`,
    },
    {
      header: '列入日期',
      field: 'listedOn',
      required: true,
      maxLength: 10,
      about: 'yyyy-mm-dd，不晚于今天；与信用代码、名录一起确定一次列入',
    },
    { header: '列入事由', field: 'reason', required: true, maxLength: 500, about: '如 未按规定报送年度工作报告' },
    {
      header: '移出日期',
      field: 'removedOn',
      required: false,
      maxLength: 10,
      about: 'yyyy-mm-dd，晚于列入日期、不晚于今天',
    },
    { header: '移出事由', field: 'removalReason', required: false, maxLength: 500, about: '有移出日期时必填' },
  ],
};

export const KIND_WORDS: Record<ImportKind, string> = {
  ORGANIZATIONS: '组织名录',
  INSPECTIONS: '年检结果',
  PENALTIES: '行政处罚',
  LIST_ENTRIES: '名录列入移出',
};

/** The most bytes and rows a file may have (the bytes travel base64 in a GraphQL request of at most 1 MiB). */
export const MAX_FILE_BYTES = 640 * 1024;
export const MAX_ROWS = 10_000;
/** The rows of a file uploaded by POST /api/v1/imports/files (its bytes: services/common/import-upload.ts). */
export const MAX_HTTP_ROWS = 50_000;
