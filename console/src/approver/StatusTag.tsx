import { Tag } from 'antd';
import { TASK_STATUSES, useWords } from './labels';

/** A task's status in words (the colour only repeats what the word says). */
export function StatusTag({ status }: { status: string }) {
  const word = useWords();
  return <Tag color={TASK_STATUSES[status]?.color}>{word(TASK_STATUSES, status)}</Tag>;
}
