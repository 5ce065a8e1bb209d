import { gradeWord, HONOUR_LEVEL_WORDS, PLATFORM_WORDS } from '../words.js';
import type { Cell, ReportSheet } from './sheet.js';

// The statistics report (as of a day) as one table: section, item, value; amounts in fen and
// as the report writes them. The same `statistics` query, so the same figures and roles.

const QUERY = `query Export($asOf: String) { report: statistics(asOf: $asOf) {
  asOf year
  fourGoodChambers { total byLevel { level count } }
  ratings { atLeast3A byGrade { grade count } }
  bankPairings
  redLaunchLoans { count total { fen formatted } }
  liaisonVisits
  rewardFund { total { fen formatted } increase { fen formatted } grants granted { fen formatted } }
  governmentChamberCommunication { specialSessions specialSessionIssuesResolved rotatingEvents rotatingEventProblemsResolved }
  interconnection { jointMeetings groupActivities }
  investment { fairs matchmakings projects total { fen formatted } }
  assistance { pairedVillages projects }
  mediation { committees mediators cases casesSettled chambers chambersWithLegalCounsel legalCounselCoverage }
  charity { year spending { fen formatted } byOrganization { organization { name } raised { fen } given { fen } givenInYear { fen } events beneficiaries programmeYears } }
  platformActivities { platform kind count participants }
} }`;

type Money = { fen: number; formatted?: string };

function rows(s: any): Cell[][] {
  const out: Cell[][] = [];
  const add = (section: string, item: string, value: Cell, note: Cell = null) => out.push([section, item, value, note]);
  const money = (section: string, item: string, m: Money) => add(section, `${item}（分）`, m.fen, m.formatted ?? null);
  add('报表', '截至日期', s.asOf);
  add('报表', '年度', s.year);
  add('四好商会', '合计', s.fourGoodChambers.total);
  for (const { level, count } of s.fourGoodChambers.byLevel)
    add('四好商会', HONOUR_LEVEL_WORDS[level as keyof typeof HONOUR_LEVEL_WORDS], count);
  add('社会组织评估等级（市级）', '3A 及以上', s.ratings.atLeast3A);
  for (const { grade, count } of s.ratings.byGrade) add('社会组织评估等级（市级）', gradeWord(grade), count);
  add('金融服务', '党建+金融结对', s.bankPairings);
  add('金融服务', '红色启航贷笔数', s.redLaunchLoans.count);
  money('金融服务', '红色启航贷金额', s.redLaunchLoans.total);
  add('联挂指导', '走访次数', s.liaisonVisits);
  money('评价激励', '奖励资金总额', s.rewardFund.total);
  money('评价激励', '新增奖励资金', s.rewardFund.increase);
  add('评价激励', '本年发放笔数', s.rewardFund.grants);
  money('评价激励', '本年发放金额', s.rewardFund.granted);
  const talk = s.governmentChamberCommunication;
  add('政会沟通', '界别议事厅专场', talk.specialSessions);
  add('政会沟通', '专场解决问题', talk.specialSessionIssuesResolved);
  add('政会沟通', '轮值活动', talk.rotatingEvents);
  add('政会沟通', '轮值活动解决问题', talk.rotatingEventProblemsResolved);
  add('互联互通', '异地商会联席会议', s.interconnection.jointMeetings);
  add('互联互通', '小组活动', s.interconnection.groupActivities);
  add('招商引资', '推介会', s.investment.fairs);
  add('招商引资', '项目对接', s.investment.matchmakings);
  add('招商引资', '引进项目', s.investment.projects);
  money('招商引资', '投资额', s.investment.total);
  add('结对帮扶', '结对村', s.assistance.pairedVillages);
  add('结对帮扶', '帮扶项目', s.assistance.projects);
  const m = s.mediation;
  add('法律服务', '调解组织', m.committees);
  add('法律服务', '调解员', m.mediators);
  add('法律服务', '调解案件', m.cases);
  add('法律服务', '调解成功', m.casesSettled);
  add('法律服务', '商会数', m.chambers);
  add('法律服务', '聘有法律顾问的商会', m.chambersWithLegalCounsel);
  add('法律服务', '法律顾问覆盖率', m.legalCounselCoverage);
  money('公益慈善', `${s.charity.year} 年公益支出`, s.charity.spending);
  for (const c of s.charity.byOrganization) {
    const who = `公益慈善：${c.organization.name}`;
    add(who, '募集（分）', c.raised.fen);
    add(who, '捐赠累计（分）', c.given.fen);
    add(who, '本年捐赠（分）', c.givenInYear.fen);
    add(who, '活动次数', c.events);
    add(who, '受益人数', c.beneficiaries);
    add(who, '项目年数', c.programmeYears);
  }
  for (const p of s.platformActivities)
    add(
      `平台活动：${PLATFORM_WORDS[p.platform as keyof typeof PLATFORM_WORDS]}`,
      p.kind,
      p.count,
      `参与 ${p.participants} 人`,
    );
  return out;
}

export const STATISTICS_REPORT: ReportSheet = {
  name: 'statistics',
  title: '统计报表',
  query: QUERY,
  headers: ['分类', '项目', '数值', '说明'],
  rows,
};
