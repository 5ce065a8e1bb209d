import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';

// The frame the console's forms share: a small card headed by a level-2 heading (the page's
// level 1 is its title), and above the form what the hub refused in the last submission. Each
// form says the refusal in its own words ("课程未发布（…）", "决定未被接受（…）"): they arrive here
// written; the fields the hub named carry their own message beside them.

/**
 * A refusal in a form's own words (its `fixFields` and `refused` messages): where the hub named
 * fields, the form points at them (each carries its message); else the hub's message is shown.
 */
export function refusalWords(
  problem: { code: string; message: string; placed: boolean },
  problemText: (code: string) => string,
  say: (key: 'fixFields' | 'refused', values: Record<string, string>) => string,
): string {
  const code = problemText(problem.code);
  return problem.placed ? say('fixFields', { code }) : say('refused', { code, message: problem.message });
}

/** What the hub refused, above a form: an alert screen readers announce. */
export function RefusalAlert({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} data-testid={testId} title={children} />
  );
}

export function FormCard({
  title,
  refusal,
  refusalTestId,
  children,
}: {
  title: ReactNode;
  /** The refusal's words; nothing shows while there is none. */
  refusal?: ReactNode;
  refusalTestId?: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      style={{ marginBottom: 16 }}
    >
      {refusal && <RefusalAlert testId={refusalTestId}>{refusal}</RefusalAlert>}
      {children}
    </Card>
  );
}
