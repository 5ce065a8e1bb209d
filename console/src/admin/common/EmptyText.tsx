/** A table's "nothing here" in a grey that reads (antd's placeholder grey is under 4.5:1). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
