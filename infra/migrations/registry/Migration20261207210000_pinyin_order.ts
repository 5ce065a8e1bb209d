import { Migration } from '@mikro-orm/migrations';

// Names sort by pinyin (湖州 before 嘉兴 before 绍兴) through the collation registry.pinyin, ICU's
// Chinese collation with the pinyin ordering. PostgreSQL built with ICU (Debian's and the
// official packages and images since 10) has it; a build without ICU gets registry.pinyin as a
// copy of "C": every ordered list still works, in code-point order (docs/integrators.md).
// The indexes serve `order by name collate registry.pinyin, id` and its keyset cursors.
export class Migration20261207210000_pinyin_order extends Migration {
  override name = 'Migration20261207210000_pinyin_order';

  override up(): void | Promise<void> {
    this.addSql(`do $$ begin
      create collation if not exists "registry"."pinyin" (provider = icu, locale = 'zh-u-co-pinyin');
    exception when feature_not_supported or invalid_parameter_value or undefined_object then
      raise notice 'PostgreSQL without ICU: registry.pinyin orders by code point';
      create collation if not exists "registry"."pinyin" from "C";
    end $$;`);
    this.addSql(
      `create index if not exists "organization_name_pinyin_idx" on "registry"."organization" ("name" collate "registry"."pinyin", "id");`,
    );
    this.addSql(
      `create index if not exists "person_name_pinyin_idx" on "registry"."person" ("name" collate "registry"."pinyin", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "registry"."person_name_pinyin_idx";`);
    this.addSql(`drop index if exists "registry"."organization_name_pinyin_idx";`);
    this.addSql(`drop collation if exists "registry"."pinyin";`);
  }
}
