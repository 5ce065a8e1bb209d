// The soak's memory as a small SVG line chart (one line per part), for docs/.

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1'];

export function soakChart(
  samples: { t: number; rss: Record<string, number> }[],
  parts: string[],
  title: string,
): string {
  const [w, h, left, bottom, top, right] = [720, 320, 56, 36, 28, 120];
  const maxT = Math.max(...samples.map((s) => s.t), 1);
  const maxY = Math.ceil(Math.max(...samples.flatMap((s) => parts.map((p) => s.rss[p]))) / 100) * 100;
  const x = (t: number) => left + (t / maxT) * (w - left - right);
  const y = (v: number) => h - bottom - (v / maxY) * (h - top - bottom);
  const lines = parts.map((part, i) => {
    const points = samples.map((s) => `${x(s.t).toFixed(1)},${y(s.rss[part]).toFixed(1)}`).join(' ');
    const last = samples.at(-1)!;
    return `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2" points="${points}"/>
<text x="${w - right + 8}" y="${y(last.rss[part]) + 4}" font-size="12" fill="${COLOURS[i % COLOURS.length]}">${part} ${last.rss[part].toFixed(0)}</text>`;
  });
  const yTicks = Array.from({ length: 5 }, (_, i) => (maxY / 4) * i).map(
    (v) =>
      `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${v}</text>`,
  );
  const xTicks = Array.from({ length: 6 }, (_, i) => (maxT / 5) * i).map(
    (t) =>
      `<text x="${x(t)}" y="${h - bottom + 16}" font-size="11" text-anchor="middle">${Math.round(t / 60)} min</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">
<rect width="${w}" height="${h}" fill="white"/>
<text x="${left}" y="18" font-size="13">${title} — MiB</text>
${yTicks.join('\n')}
${xTicks.join('\n')}
${lines.join('\n')}
</svg>
`;
}
