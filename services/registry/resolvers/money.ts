import { Field, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { formatFen } from '../money.js';

/** An amount in whole fen, with the form the report writes it in. */
@ObjectType({ description: 'An amount of money: whole fen (分), and as the report writes it (万元 / 亿元)' })
export class Money {
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分); 1元 = 100 fen' }) fen!: number;
  @Field(() => String, { description: 'e.g. "3240万元", "60.9亿元", "123.45元"' }) formatted!: string;
}

export const money = (fen: number): Money => ({ fen, formatted: formatFen(fen) });
