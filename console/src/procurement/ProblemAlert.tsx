import { useProblemWord } from '../shell/errors';
import type { HubProblem } from '../shell/errors';
import { RefusalAlert, refusalWords } from '../shell/FormCard';
import { defineMessages, useT } from '../shell/i18n';

const messages = defineMessages(
  { refused: '未被接受（{code}）：{message}', fixFields: '未被接受（{code}）：请按字段旁的提示修改。' },
  { refused: 'Not accepted ({code}): {message}', fixFields: 'Not accepted ({code}): see the notes beside the fields.' },
);

type Refused = HubProblem & { placed: boolean };

/** The procurement forms' words for what the hub refused (a FormCard's `refusal`). */
export function useRefusal(): (problem?: Refused) => string | undefined {
  const t = useT(messages);
  const problemText = useProblemWord();
  return (problem) => problem && refusalWords(problem, problemText, t);
}

/** What the hub refused, where a form does not stand first in its card: the fields it named carry their own message. */
export function ProblemAlert({ problem, testId }: { problem?: Refused; testId: string }) {
  const refusal = useRefusal()(problem);
  return refusal ? <RefusalAlert testId={testId}>{refusal}</RefusalAlert> : null;
}
