import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

const ROW = 28;
const GAP = 8;
const WIDTH = 560;
const VALUE_ROOM = 72;

/** Rough width of a label in px at 13px: CJK characters are square, Latin ones about half. */
function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += char.charCodeAt(0) > 0x2e80 ? 13 : 7.5;
  return width;
}

/** The label cut to fit the room on the left (the full text is in the chart's label and the table). */
function fit(label: string, room: number): string {
  if (labelWidth(label) <= room) return label;
  let cut = label;
  while (cut.length > 1 && labelWidth(`${cut}…`) > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A horizontal bar chart as plain SVG: the picture for sighted readers, while the same numbers
 * stay in a table beside it. role="img" with a label that says every value, and a <title>,
 * so a screen reader announces the chart as one image with its data instead of loose shapes.
 */
export function BarChart({
  title,
  bars,
  format = (n) => n.toLocaleString(),
}: {
  title: string;
  bars: Bar[];
  format?: (value: number) => string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const labelRoom = Math.min(220, Math.max(60, ...bars.map((bar) => labelWidth(bar.label) + 12)));
  const barRoom = WIDTH - labelRoom - VALUE_ROOM;
  const height = Math.max(ROW, bars.length * (ROW + GAP));
  const spoken = `${title}：${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join('；')}`;
  return (
    <svg
      role="img"
      aria-label={spoken}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      data-testid="bar-chart"
    >
      <title id={titleId}>{spoken}</title>
      {bars.map((bar, index) => {
        const y = index * (ROW + GAP);
        const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barRoom);
        return (
          <g key={bar.label}>
            <text
              x={labelRoom - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={13}
              fill="#262626"
            >
              {fit(bar.label, labelRoom - 12)}
            </text>
            <rect x={labelRoom} y={y + 4} width={width} height={ROW - 8} rx={3} fill="#b71c1c" />
            <text x={labelRoom + width + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize={13} fill="#262626">
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
