import { Authorized, Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Certification } from '../entities/certification.js';
import { Person } from '../entities/person.js';
import { CertificationKind } from '../entities/kinds.js';
import { recordAudit, type Versioned } from '../audit.js';
import { actAs } from '../changes/actor.js';
import type { RegistryContext } from '../context.js';
import { requireUuid } from '../../common/ids.js';
import { requireIsoDate } from '../../common/dates.js';
import { badInput, notFound } from '../../common/errors.js';

@InputType({ description: "A certificate a process writes to a person's record" })
class CertificationWrite {
  @Field(() => ID) personId!: string;
  @Field(() => CertificationKind) kind!: CertificationKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) issuer?: string;
  @Field(() => String, { description: 'ISO date of issue' }) issuedOn!: string;
}

const KEY = /^[\w:.-]{1,200}$/;

/** Write-backs from the processes: idempotent by key, audited like an admin's change. */
@Resolver()
export class CertificationWritebackResolver {
  @Authorized('SYSTEM', 'ADMIN')
  @Mutation(() => Certification, {
    description:
      'SYSTEM or ADMIN: record a certificate once per idempotencyKey; the same key again returns the first write',
  })
  async recordCertification(
    @Arg('input', () => CertificationWrite) input: CertificationWrite,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Certification> {
    if (!KEY.test(idempotencyKey))
      throw badInput('idempotencyKey must be 1 to 200 letters, digits or : . _ -', 'idempotencyKey');
    const name = input.name.trim();
    if (!name || name.length > 200 || /[\u0000-\u001f]/.test(name))
      throw badInput('name must be 1 to 200 characters without control characters', 'name');
    const earlier = await em.findOne(Certification, { idempotencyKey });
    if (earlier) return earlier;
    const issuedOn = requireIsoDate(input.issuedOn, 'issuedOn');
    try {
      return await em.transactional(async (tx) => {
        await actAs(tx, identity.subject);
        const person = await tx.findOne(Person, requireUuid(input.personId, 'personId'));
        if (!person) throw notFound(`No person has id ${input.personId}`);
        const certification = tx.create(Certification, {
          person,
          kind: input.kind,
          name,
          issuer: input.issuer ?? null,
          issuedOn,
          idempotencyKey,
        });
        await tx.flush();
        recordAudit(tx, identity.subject, 'CREATE', certification as unknown as Versioned, null);
        return certification;
      });
    } catch (error) {
      // Two attempts raced: the other committed first, and its row is the answer.
      if (error instanceof UniqueConstraintViolationException)
        return em.fork().findOneOrFail(Certification, { idempotencyKey });
      throw error;
    }
  }
}
