import type pg from 'pg';

// A synthetic city for the registry benchmark, written with a few set-based statements
// (INSERT ... SELECT ... FROM generate_series), never row by row. Every value is a function of
// the row number through hashint4extended, so two runs build the same city. Organization ids
// are md5('org' || n)::uuid: an edge can name both ends by number without joining anything.

/** Kinds in id order; the chamber kinds are adjacent so "any chamber" is one number range. */
const KINDS = [
  { kind: 'FEDERATION', count: 40, suffix: '工商联', regions: 'jiaxing' },
  { kind: 'INDUSTRY_ASSOCIATION', count: 3_000, suffix: '行业协会', regions: 'jiaxing' },
  { kind: 'OUT_OF_TOWN_CHAMBER', count: 300, suffix: '商会', regions: 'jiaxing' },
  { kind: 'GRASSROOTS_CHAMBER', count: 1_500, suffix: '镇商会', regions: 'jiaxing' },
  { kind: 'ENTERPRISE', count: 89_000, suffix: '有限公司', regions: 'jiaxing' },
  { kind: 'COLLEGE', count: 100, suffix: '职业技术学院', regions: 'jiaxing' },
  { kind: 'BANK', count: 20, suffix: '银行', regions: 'jiaxing' },
  { kind: 'BANK_BRANCH', count: 600, suffix: '支行', regions: 'jiaxing' },
  { kind: 'COURT', count: 40, suffix: '人民法院', regions: 'jiaxing' },
  { kind: 'PROCURATORATE', count: 40, suffix: '人民检察院', regions: 'jiaxing' },
  { kind: 'POLICE', count: 80, suffix: '公安分局', regions: 'jiaxing' },
  { kind: 'GOVERNMENT_AGENCY', count: 480, suffix: '局', regions: 'jiaxing' },
  { kind: 'FOUNDATION', count: 300, suffix: '慈善基金会', regions: 'jiaxing' },
  { kind: 'VILLAGE', count: 4_000, suffix: '村', regions: 'lishui' },
  { kind: 'MEDIATION_COMMITTEE', count: 500, suffix: '人民调解委员会', regions: 'jiaxing' },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

/** First organization number of each kind (numbers start at 1) and how many there are. */
export const RANGES: Record<Kind, { start: number; count: number }> = (() => {
  let next = 1;
  return Object.fromEntries(
    KINDS.map((k) => {
      const r = { start: next, count: k.count };
      next += k.count;
      return [k.kind, r];
    }),
  ) as never;
})();
export const ORGANIZATIONS = KINDS.reduce((n, k) => n + k.count, 0);
const CHAMBERS = { start: RANGES.INDUSTRY_ASSOCIATION.start, count: 3_000 + 300 + 1_500 };

/** Edge types with their ends as number ranges; `skew` draws the far end as count·u², so a few hubs get most edges. */
const EDGES: {
  type: string;
  count: number;
  from: { start: number; count: number };
  to: { start: number; count: number };
  skew: boolean;
}[] = [
  { type: 'MEMBER_OF', count: 900_000, from: RANGES.ENTERPRISE, to: CHAMBERS, skew: true },
  { type: 'MEMBER_OF', count: 1_500, from: RANGES.GRASSROOTS_CHAMBER, to: RANGES.FEDERATION, skew: false },
  { type: 'SUPERVISES', count: 4_800, from: RANGES.FEDERATION, to: CHAMBERS, skew: false },
  { type: 'COLLEGE_PARTNERSHIP', count: 30_000, from: CHAMBERS, to: RANGES.COLLEGE, skew: true },
  { type: 'BANK_PAIRING', count: 10_000, from: CHAMBERS, to: RANGES.BANK_BRANCH, skew: false },
  { type: 'ASSISTANCE_PAIRING', count: 20_000, from: CHAMBERS, to: RANGES.VILLAGE, skew: false },
  { type: 'BRANCH_OF', count: 600, from: RANGES.BANK_BRANCH, to: RANGES.BANK, skew: false },
  { type: 'FOUNDED', count: 800, from: CHAMBERS, to: { start: RANGES.FOUNDATION.start, count: 300 }, skew: false },
  { type: 'LIAISON', count: 32_000, from: RANGES.FEDERATION, to: CHAMBERS, skew: false },
  { type: 'HOME_REGION', count: 300, from: RANGES.OUT_OF_TOWN_CHAMBER, to: RANGES.FEDERATION, skew: false },
];
export const RELATIONSHIPS = EDGES.reduce((n, e) => n + e.count, 0);

// Name parts: 嘉兴 + brand syllable + trade + kind suffix + number. 30 brand syllables (none
// repeated elsewhere in a name), so a one-syllable `nameContains` selects about 1/30 of a kind.
const FIRST = [...'华东新恒永泰兴金顺安宏昌盛达鑫源丰瑞德隆和康明辉富海中天正通'];
const SECOND = [...'纺织服装电子机械化工建材食品物流光伏皮革丝绸家具'].join('').match(/../g)!;
/** The syllable the list-page query filters on. */
export const COMMON_SYLLABLE = '华';

const JIAXING = ['330400', '330402', '330411', '330421', '330424', '330481', '330482', '330483'];
const sqlArray = (items: readonly string[]) => `(array[${items.map((s) => `'${s}'`).join(',')}])`;
/** n-th pseudo-random draw for row g, in [0, 1). */
const draw = (g: string, n: number) => `(mod(abs(hashint4extended(${g}, ${n})), 1000000) / 1000000.0)`;
const orgId = (n: string) => `md5('org' || (${n}))::uuid`;

export interface CitySize {
  organizations: number;
  relationships: number;
}
type Log = (step: string) => void;

/** True when the bench marker says this database already holds a city of this size. */
export async function cityExists(db: pg.Pool, size: CitySize): Promise<boolean> {
  await db.query(
    'create schema if not exists bench; create table if not exists bench.city (organizations int not null, relationships int not null, built_at timestamptz not null default now())',
  );
  const { rows } = await db.query('select organizations, relationships from bench.city');
  return (
    rows.length === 1 && rows[0].organizations === size.organizations && rows[0].relationships === size.relationships
  );
}

export async function generateCity(db: pg.Pool, log: Log): Promise<CitySize> {
  await db.query('truncate bench.city; truncate registry.organization cascade');
  log('cleared the registry tables');
  const kinds = KINDS.map(
    (k) =>
      `('${k.kind}', ${RANGES[k.kind].start}, ${k.count}, '${k.suffix}', ${k.regions === 'lishui' ? "array['331100']" : sqlArray(JIAXING)})`,
  );
  await db.query(`
    insert into registry.organization (id, name, short_name, kind, region_code, home_region_code, credit_code, created_at, ended_on)
    select ${orgId('g')}, name, null, k.kind, region, case when k.kind = 'OUT_OF_TOWN_CHAMBER' then (array['330300','420000','410000'])[1 + mod(g, 3)] end,
           null, timestamptz '2020-01-01' + g * interval '1 minute', case when mod(g, 97) = 0 then date '2024-06-30' end
    from (values ${kinds.join(',')}) k(kind, start, count, suffix, regions)
    cross join lateral generate_series(k.start, k.start + k.count - 1) g
    cross join lateral (select k.regions[1 + mod(abs(hashint4extended(g, 1)), cardinality(k.regions))] as region) r
    cross join lateral (select '嘉兴' || ${sqlArray(FIRST)}[1 + floor(${draw('g', 2)} * ${FIRST.length})::int]
      || ${sqlArray(SECOND)}[1 + floor(${draw('g', 3)} * ${SECOND.length})::int] || k.suffix || '·' || g as name) n`);
  log(`inserted ${ORGANIZATIONS} organizations`);
  const edges = EDGES.map(
    (e, i) =>
      `('${e.type}', ${i}, ${e.count}, ${e.from.start}, ${e.from.count}, ${e.to.start}, ${e.to.count}, ${e.skew})`,
  );
  // The relationship triggers (jurisdiction closure, change feed) are off for this bulk load
  // (`session_replication_role = replica`, this transaction only): the jurisdiction refresh over
  // a million edges in one statement failed on a duplicate span (jurisdiction_pkey, 2026-12-08),
  // and the integrator queries measured here read neither the closure nor the feed.
  await db.query('begin');
  await db.query('set local session_replication_role = replica');
  await db.query(`
    insert into registry.relationship (id, type, from_id, to_id, valid_from, valid_to, attributes)
    select md5('edge' || e.i || '/' || g)::uuid, e.type,
           ${orgId(`e.fs + floor(${draw('g * 16 + e.i', 4)} * e.fc)::int`)},
           ${orgId(`e.ts + floor(case when e.skew then power(${draw('g * 16 + e.i', 5)}, 2) else ${draw('g * 16 + e.i', 5)} end * e.tc)::int`)},
           date '2010-01-01' + floor(${draw('g * 16 + e.i', 6)} * 5000)::int,
           case when ${draw('g * 16 + e.i', 7)} < 0.15 then date '2023-12-31' - floor(${draw('g * 16 + e.i', 8)} * 1000)::int
                when ${draw('g * 16 + e.i', 7)} < 0.20 then date '2028-12-31' end,
           '{}'::jsonb
    from (values ${edges.join(',')}) e(type, i, count, fs, fc, ts, tc, skew)
    cross join lateral generate_series(1, e.count) g`);
  // An expired edge must have started before it ended.
  await db.query(
    `update registry.relationship set valid_from = valid_to - 365 where valid_to is not null and valid_from >= valid_to`,
  );
  await db.query('commit');
  log(`inserted ${RELATIONSHIPS} relationships (15% expired, 5% ending in 2028)`);
  await generateRecords(db);
  log('inserted ratings and honours');
  // VACUUM too, not just ANALYZE: it sets the visibility map, without which no index-only scan
  // is possible until autovacuum gets round to these tables. One statement each (no transaction).
  for (const table of ['organization', 'relationship', 'rating', 'honour'])
    await db.query(`vacuum analyze registry.${table}`);
  const size = { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS };
  await db.query('insert into bench.city (organizations, relationships) values ($1, $2)', [
    size.organizations,
    size.relationships,
  ]);
  log('vacuumed and analyzed');
  return size;
}

/** Ratings for 60% of the social organizations (some re-rated, some revoked), honours for 10%. */
async function generateRecords(db: pg.Pool) {
  const social = `g between ${CHAMBERS.start} and ${CHAMBERS.start + CHAMBERS.count - 1} or g between ${RANGES.FOUNDATION.start} and ${RANGES.FOUNDATION.start + RANGES.FOUNDATION.count - 1}`;
  await db.query(`
    insert into registry.rating (id, organization_id, grade, awarded_on, awarded_by, revoked_on)
    select md5('rating' || g || '/' || t)::uuid, ${orgId('g')}, 'A' || (1 + floor(${draw('g * 4 + t', 9)} * 5)::int),
           date '2016-01-01' + (t * 1200 + floor(${draw('g * 4 + t', 10)} * 900)::int), '嘉兴市民政局',
           case when ${draw('g * 4 + t', 11)} < 0.03 then date '2025-03-01' end
    from generate_series(1, ${ORGANIZATIONS}) g cross join generate_series(0, 2) t
    where (${social}) and ${draw('g', 12)} < 0.6 and t <= floor(${draw('g', 13)} * 3)`);
  await db.query(`
    insert into registry.honour (id, organization_id, title, level, year)
    select md5('honour' || g)::uuid, ${orgId('g')}, '四好商会',
           (array['NATIONAL','PROVINCIAL','MUNICIPAL','MUNICIPAL','MUNICIPAL'])[1 + floor(${draw('g', 14)} * 5)::int],
           2015 + floor(${draw('g', 15)} * 11)::int
    from generate_series(${CHAMBERS.start}, ${CHAMBERS.start + CHAMBERS.count - 1}) g
    where ${draw('g', 16)} < 0.1`);
}
