import { OrganizationKind as K, RelationshipType as R } from '../../../services/registry/entities/kinds.js';
import { wan } from '../../../services/registry/money.js';
import { seedCreditCode } from '../credit-codes.js';
import { BANK_BRANCHES } from './core.js';
import type { SeedEdge, SeedOrganization } from '../types.js';

// 党建+金融: 8 association party organisations pair with the party branches of 8 嘉兴银行
// branches (基层组织结对共建); 8 member enterprises sign the first 红色启航贷, 3240万元 in all.

/** Association ↔ branch, and the member enterprise whose Red Launch Loan that branch granted. */
const PAIRINGS: {
  association: string;
  branch: string;
  enterprise: [string, string, string];
  loanWan: number;
  signedOn: string;
}[] = [
  {
    association: 'fashion',
    branch: 'bank-nanhu',
    enterprise: ['jinxiu-fashion', '嘉兴锦绣时装有限公司', '330402'],
    loanWan: 500,
    signedOn: '2019-07-16',
  },
  {
    association: 'solar',
    branch: 'bank-xiuzhou',
    enterprise: ['guangneng-solar', '嘉兴光能新能源科技有限公司', '330411'],
    loanWan: 450,
    signedOn: '2019-07-16',
  },
  {
    association: 'furniture',
    branch: 'bank-jiashan',
    enterprise: ['muyi-furniture', '嘉善木艺家具有限公司', '330421'],
    loanWan: 340,
    signedOn: '2019-08-02',
  },
  {
    association: 'fasteners',
    branch: 'bank-haiyan',
    enterprise: ['guli-fasteners', '海盐固力紧固件有限公司', '330424'],
    loanWan: 380,
    signedOn: '2019-08-09',
  },
  {
    association: 'leather',
    branch: 'bank-haining',
    enterprise: ['pidu-leather', '海宁皮都皮革制品有限公司', '330481'],
    loanWan: 400,
    signedOn: '2019-08-23',
  },
  {
    association: 'auto-parts',
    branch: 'bank-pinghu',
    enterprise: ['chiyuan-auto', '平湖驰远汽车零部件有限公司', '330482'],
    loanWan: 400,
    signedOn: '2019-09-06',
  },
  {
    association: 'knitwear',
    branch: 'bank-tongxiang',
    enterprise: ['zhimeng-knitwear', '桐乡织梦毛衫有限公司', '330483'],
    loanWan: 420,
    signedOn: '2019-09-20',
  },
  {
    association: 'electronics',
    branch: 'bank-keji',
    enterprise: ['xinlian-electronics', '嘉兴芯联电子科技有限公司', '330400'],
    loanWan: 350,
    signedOn: '2019-10-11',
  },
];

export const ENTERPRISES: SeedOrganization[] = PAIRINGS.map(({ enterprise: [key, name, region] }) => ({
  key,
  name,
  kind: K.ENTERPRISE,
  regionCode: region,
  creditCode: seedCreditCode(key, '9', '1', region),
}));

export const FINANCE_EDGES: SeedEdge[] = [
  ...BANK_BRANCHES.map(({ key }) => ({ type: R.BRANCH_OF, from: key, to: 'bank', validFrom: '2010-01-01' })),
  ...PAIRINGS.map(({ association, branch }) => ({
    type: R.BANK_PAIRING,
    from: association,
    to: branch,
    validFrom: '2019-06-01',
    attributes: { agreement: '基层组织结对共建协议', programme: '党建+金融' },
  })),
  ...PAIRINGS.map(({ association, enterprise: [key] }) => ({
    type: R.MEMBER_OF,
    from: key,
    to: association,
    validFrom: '2015-01-01',
  })),
];

export interface SeedLoan {
  enterprise: string;
  bank: string;
  product: string;
  amountFen: number;
  signedOn: string;
}

export const LOANS: SeedLoan[] = PAIRINGS.map(({ branch, enterprise: [key], loanWan, signedOn }) => ({
  enterprise: key,
  bank: branch,
  product: 'RED_LAUNCH',
  amountFen: wan(loanWan),
  signedOn,
}));
