import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/**
 * A category of the guidance catalogue (政府购买服务指导性目录): what an agency may buy from a
 * social organisation. Procurements name one by code; the list is seeded, not edited here.
 */
@ObjectType({
  description:
    'A service category of the guidance catalogue for government purchases of services (政府购买服务指导性目录)',
})
@Entity({ tableName: 'service_category' })
export class ServiceCategory {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: 'Stable code procurements refer to, e.g. INDUSTRY_SURVEY' })
  @Property({ type: 'text', unique: 'service_category_code_unique' })
  code!: string;
  @Field(() => String, { description: 'Chinese name, e.g. 行业调查与统计分析' })
  @Property({ type: 'text' })
  name!: string;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
}
