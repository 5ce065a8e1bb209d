import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { ProcessType } from './kit/catalog-enums.js';
import { TaskFormShape } from './tasks/types.js';
import { formShape } from './tasks/form-shape.js';
import type { ProcessesContext } from './kit/context.js';
import type { Words } from './kit/process-definition.js';

// The catalog as the API tells it: every process with its stages, task kinds, outcomes, form
// fields and roles in Chinese and English. The console takes its words from here, so a new
// process shows its own words without a second table kept by hand in the console.

@ObjectType({ description: 'A code and its words' })
class CodeWords {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'In Chinese' }) zh!: string;
  @Field(() => String, { description: 'In English' }) en!: string;
}

@ObjectType({ description: 'A kind of task a process opens' })
class TaskKindDescription extends CodeWords {
  @Field(() => TaskFormShape) form!: TaskFormShape;
}

@ObjectType({ description: 'A process of the catalog, in words' })
class ProcessDescription {
  @Field(() => ProcessType) processType!: string;
  @Field(() => String) zh!: string;
  @Field(() => String) en!: string;
  @Field(() => [CodeWords], { description: 'Its stages (HubStage), in the order runs pass through them' })
  stages!: CodeWords[];
  @Field(() => [TaskKindDescription]) taskKinds!: TaskKindDescription[];
  @Field(() => [CodeWords], { description: 'The outcomes its forms offer' }) outcomes!: CodeWords[];
  @Field(() => [CodeWords], { description: 'Its forms’ fields by name' }) fields!: CodeWords[];
  @Field(() => [CodeWords], { description: 'The roles its tasks name' }) roles!: CodeWords[];
}

@ObjectType({ description: 'The processes the hub runs and the words for their codes' })
class ProcessCatalogDescription {
  @Field(() => [ProcessDescription]) processes!: ProcessDescription[];
  @Field(() => [CodeWords], { description: 'Every role a token may carry' }) roles!: CodeWords[];
}

/** The hub's own roles; processes add words for the roles their tasks name. */
const HUB_ROLES: Record<string, Words> = {
  ADMIN: { zh: '管理员', en: 'Administrator' },
  INTEGRATOR: { zh: '接入方', en: 'Integrator' },
  APPROVER: { zh: '审批人', en: 'Approver' },
  FEDERATION_OFFICER: { zh: '工商联工作人员', en: 'Federation officer' },
};

const listed = (table: Record<string, Words> | undefined): CodeWords[] =>
  Object.entries(table ?? {}).map(([code, words]) => ({ code, zh: words.zh, en: words.en }));

@Resolver()
export class CatalogResolver {
  @Query(() => ProcessCatalogDescription, {
    description: 'The processes the hub runs with the words for their codes (every signed-in caller)',
  })
  processCatalog(@Ctx() { catalog }: ProcessesContext): ProcessCatalogDescription {
    const roles: Record<string, Words> = { ...HUB_ROLES };
    for (const process of catalog.processes)
      for (const [code, words] of Object.entries(process.roles ?? {})) roles[code] ??= words;
    return {
      processes: catalog.processes.map((p) => ({
        processType: p.processType,
        zh: p.label.zh,
        en: p.label.en,
        stages: listed(p.stages),
        taskKinds: Object.entries(p.taskKinds).map(([code, kind]) => ({
          code,
          zh: kind.label.zh,
          en: kind.label.en,
          form: formShape(kind.form),
        })),
        outcomes: listed(p.outcomes),
        fields: listed(p.fields),
        roles: listed(p.roles as Record<string, Words>),
      })),
      roles: listed(roles),
    };
  }
}
