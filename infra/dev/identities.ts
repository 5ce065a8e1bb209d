import type { DevIdentity } from '../../services/gateway/session.js';
import { seedId } from '../seed/ids.js';
import { seedOrganizationId } from '../seed/run.js';

// Who one can be in the console of `npm start` (dev sign-in, only with the dev secret): one
// identity per kind of user, each with tasks or runs to see in the seed. Subjects follow the
// hub's conventions: tasks addressed to a person (evaluation reviewers, agency staff) name the
// seed's person id, so those identities carry it as their subject.

const person = (key: string) => seedId(`person:${key}`);
const wenzhou = seedOrganizationId('wenzhou');
const civilAffairs = seedOrganizationId('agency-civil-affairs');

export const DEV_IDENTITIES: DevIdentity[] = [
  {
    id: 'admin',
    subject: 'dev-admin',
    name: { zh: '管理员', en: 'Administrator' },
    description: {
      zh: '查看和操作所有流程运行、排程与统计',
      en: 'Sees and operates every run, schedule and statistic',
    },
    roles: ['ADMIN'],
    organizationIds: [],
  },
  {
    id: 'approver-wenzhou',
    subject: 'dev-approver',
    name: { zh: '嘉兴市温州商会 审批人', en: 'Approver, Jiaxing Wenzhou Chamber of Commerce' },
    description: {
      zh: '处理本商会的培训报名推荐等待办',
      en: 'Decides the chamber’s tasks, e.g. endorsing training applications',
    },
    roles: ['APPROVER'],
    organizationIds: [wenzhou],
  },
  {
    id: 'federation-officer',
    subject: 'dev-officer',
    name: { zh: '市工商联 工作人员', en: 'Federation officer' },
    description: {
      zh: '确认培训名额、登记出勤，处理升级到工商联的待办',
      en: 'Confirms training seats, records attendance, takes escalated tasks',
    },
    roles: ['FEDERATION_OFFICER'],
    organizationIds: [],
  },
  {
    // A bulk import is reviewed by a second officer (four eyes): without one, no import could be decided.
    id: 'federation-officer-2',
    subject: 'dev-officer-2',
    name: { zh: '市工商联 复核人员', en: 'Federation officer (reviewer)' },
    description: {
      zh: '复核其他工作人员提交的批量导入',
      en: 'Reviews the bulk imports another officer started',
    },
    roles: ['FEDERATION_OFFICER'],
    organizationIds: [],
  },
  {
    id: 'agency-officer',
    subject: person('agency-civil-affairs-officer-1'),
    name: { zh: '朱丽萍（嘉兴市民政局 科员）', en: 'Zhu Liping, officer of the Jiaxing Civil Affairs Bureau' },
    description: { zh: '发布政府购买服务需求，跟进采购流程', en: 'Publishes service procurements and follows them' },
    roles: ['AGENCY_OFFICER'],
    organizationIds: [civilAffairs],
  },
  {
    id: 'agency-head',
    subject: person('agency-civil-affairs-head'),
    name: { zh: '沈国华（嘉兴市民政局 局长）', en: 'Shen Guohua, head of the Jiaxing Civil Affairs Bureau' },
    description: { zh: '审批本局的采购授予', en: 'Approves the bureau’s procurement awards' },
    roles: ['AGENCY_HEAD'],
    organizationIds: [civilAffairs],
  },
  {
    id: 'expert-reviewer',
    subject: person('expert-zhou-wenbin'),
    name: { zh: '周文斌（评估专家）', en: 'Zhou Wenbin, evaluation expert' },
    description: { zh: '为分配给自己的社会组织评估申请打分', en: 'Scores the evaluation applications assigned to him' },
    roles: ['INTEGRATOR'],
    organizationIds: [],
  },
  {
    id: 'integrator',
    subject: 'dev-integrator',
    name: { zh: '系统集成方', en: 'Integrator' },
    description: {
      zh: '只读查询登记库，使用离线 GraphQL 调试工具',
      en: 'Reads the registry; uses the offline GraphQL IDE',
    },
    roles: ['INTEGRATOR'],
    organizationIds: [],
  },
];
