import { Organization } from '../../services/registry/entities/organization.js';
import { Person } from '../../services/registry/entities/person.js';
import { Position } from '../../services/registry/entities/position.js';
import { Rating } from '../../services/registry/entities/rating.js';
import { AdministrativePenalty, ListEntry } from '../../services/registry/entities/evaluation-facts.js';
import { Grade, OrganizationKind as K, PositionRole } from '../../services/registry/entities/kinds.js';
import { ListKind } from '../../services/registry/entities/evaluation-kinds.js';
import { insertIntoRegistry } from './registry-fixtures.js';

/**
 * A procurement's world in the registry, names unique to `tag`: an agency with an officer and a
 * head; bidders 甲 (4A), 乙 (3A), 戊 (3A), 己 (4A) who may bid; 丙 (5A, but fined last year) and
 * 丁 (only 2A) who may not; 庚 on the serious-violation list; a committee of three of whom 李
 * works at 甲 (recused from scoring it); a service user and an expert for the performance review.
 */
export function procurementWorld(tag: string) {
  return insertIntoRegistry((em) => {
    const org = (name: string, kind: K, registeredOn = '2012-03-01') =>
      em.create(Organization, { name: `${name}${tag}`, kind, regionCode: '330400', registeredOn });
    const agency = org('嘉兴市测试局', K.GOVERNMENT_AGENCY, '2000-01-01');
    const bidders = {
      jia: org('甲行业协会', K.INDUSTRY_ASSOCIATION),
      yi: org('乙商会', K.OUT_OF_TOWN_CHAMBER),
      bing: org('丙行业协会', K.INDUSTRY_ASSOCIATION),
      ding: org('丁商会', K.GRASSROOTS_CHAMBER),
      wu: org('戊行业协会', K.INDUSTRY_ASSOCIATION),
      ji: org('己商会', K.OUT_OF_TOWN_CHAMBER),
      geng: org('庚行业协会', K.INDUSTRY_ASSOCIATION),
    };
    const rate = (organization: Organization, grade: Grade) =>
      em.create(Rating, { organization, grade, awardedOn: '2024-01-01', awardedBy: '嘉兴市民政局' });
    rate(bidders.jia, Grade.A4);
    rate(bidders.yi, Grade.A3);
    rate(bidders.bing, Grade.A5);
    rate(bidders.ding, Grade.A2);
    rate(bidders.wu, Grade.A3);
    rate(bidders.ji, Grade.A4);
    rate(bidders.geng, Grade.A4);
    em.create(AdministrativePenalty, {
      organization: bidders.bing,
      decidedOn: '2025-06-01',
      authority: '嘉兴市民政局',
      description: '未按规定办理变更登记',
    });
    em.create(ListEntry, {
      organization: bidders.geng,
      list: ListKind.SERIOUS_VIOLATION,
      listedOn: '2024-05-01',
      removedOn: '2025-05-01',
    });
    const person = (name: string) => em.create(Person, { name: `${name}${tag}` });
    const officer = person('王科员');
    const head = person('赵局长');
    em.create(Position, {
      person: officer,
      organization: agency,
      role: PositionRole.AGENCY_OFFICER,
      validFrom: '2020-01-01',
    });
    em.create(Position, {
      person: head,
      organization: agency,
      role: PositionRole.AGENCY_HEAD,
      validFrom: '2020-01-01',
    });
    const committee = { zhang: person('张评委'), li: person('李评委'), chen: person('陈评委') };
    // 李 is 甲's secretary-general: she may not score 甲's bid.
    em.create(Position, {
      person: committee.li,
      organization: bidders.jia,
      role: PositionRole.SECRETARY_GENERAL,
      validFrom: '2021-01-01',
    });
    const serviceUser = person('周会员');
    const expert = person('吴专家');
    return { agency, bidders, officer, head, committee, serviceUser, expert };
  });
}
