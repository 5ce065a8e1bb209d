import type { TimelineEntry } from './timeline-facts.js';

/**
 * Runs of the same repeated entry become one: a campaign's hundreds of child starts and ends,
 * a workflow task failing again and again with the same message.
 */
export function collapse(entries: TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (let i = 0; i < entries.length;) {
    const first = entries[i]!;
    let j = i + 1;
    const same = (e: TimelineEntry) =>
      e.kind === first.kind &&
      (first.kind === 'CHILD_STARTED' ||
        first.kind === 'CHILD_CLOSED' ||
        (first.kind === 'WORKFLOW_TASK_FAILED' && e.en === first.en));
    while (j < entries.length && same(entries[j]!)) j++;
    const n = j - i;
    if (n === 1) out.push(first);
    else if (first.kind === 'CHILD_STARTED')
      out.push({ ...first, zh: `启动 ${n} 个子流程`, en: `${n} child runs started` });
    else if (first.kind === 'CHILD_CLOSED')
      out.push({ ...first, zh: `${n} 个子流程结束`, en: `${n} child runs ended` });
    else out.push({ ...first, zh: `${first.zh}（连续 ${n} 次）`, en: `${first.en} (${n} times)` });
    i = j;
  }
  return out;
}
