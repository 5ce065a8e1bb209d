// The imports this browser started, newest first: the hub lists no one's imports (runs are for
// admins), so an officer who left an import's page finds it again here. Only ids and file names,
// kept per signed-in subject: the next person at this browser sees their own.

const KEY = 'console.registry.imports';
const KEPT = 10;

export interface RecentImport {
  id: string;
  fileName: string;
  kind: string;
  startedAt: string;
}

export function recentImports(subject: string): RecentImport[] {
  try {
    const stored = JSON.parse(localStorage.getItem(`${KEY}:${subject}`) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as RecentImport[]) : [];
  } catch {
    return [];
  }
}

export function rememberImport(subject: string, started: RecentImport): void {
  const kept = [started, ...recentImports(subject).filter((other) => other.id !== started.id)].slice(0, KEPT);
  localStorage.setItem(`${KEY}:${subject}`, JSON.stringify(kept));
}
