import type { Bilingual } from '../../shell/i18n';

// Words for the kinds of the platforms' activities the registry counts (the report's kinds; the
// registry keeps the kind as a free code). A kind without a word here is shown as it is, and
// the browser test of the console's words (e2e/words.spec.ts) then fails: add its words here.
export const ACTIVITY_KIND_WORDS: Record<string, Bilingual> = {
  RESEARCH_VISIT: { zh: '调研走访', en: 'Research visit' },
  EDUCATION_BASE: { zh: '产教融合基地', en: 'Industry–education base' },
  ENTERPRISES_INTO_COLLEGES: { zh: '企业进院校', en: 'Enterprises into colleges' },
  STUDENTS_INTO_ENTERPRISES: { zh: '院校师生进企业', en: 'Students into enterprises' },
  LEGAL_RISK_STATION: { zh: '法律风险防范服务站', en: 'Legal risk service station' },
  JUDGES_INTO_CHAMBERS: { zh: '法官进商会', en: 'Judges into chambers' },
  PROSECUTORS_INTO_CHAMBERS: { zh: '检察官进商会', en: 'Prosecutors into chambers' },
  POLICE_INTO_CHAMBERS: { zh: '警官进商会', en: 'Police into chambers' },
  LEGAL_TRAINING: { zh: '法律专题培训', en: 'Legal training' },
  ENTREPRENEURS_FORUM: { zh: '民营企业家座谈会', en: 'Entrepreneurs’ forum' },
  PROTECTION_CAMPAIGN: { zh: '护企专项活动', en: 'Protection campaign' },
  STRATEGIC_AGREEMENT: { zh: '战略合作协议签约', en: 'Strategic agreement' },
  PAIRING_SIGNING: { zh: '结对共建签约', en: 'Pairing agreement' },
  TRAINING_COURSE: { zh: '培训班', en: 'Training course' },
  TALENT_SUMMIT: { zh: '人才峰会', en: 'Talent summit' },
  INVESTMENT_FAIR: { zh: '投资推介会', en: 'Investment fair' },
  PROJECT_MATCHMAKING: { zh: '项目对接会', en: 'Project matchmaking' },
  TRADE_EXPO: { zh: '展会', en: 'Trade expo' },
};
