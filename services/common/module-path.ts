import { fileURLToPath } from 'node:url';

/**
 * The file of a module next to `from` (an import.meta.url), given without its extension: `.ts`
 * when `from` is TypeScript run by tsx or vitest, `.js` once compiled into dist/ (npm run build).
 * For the paths the Temporal SDK loads itself (workflows, interceptors, the failure converter).
 */
export function moduleFile(relative: string, from: string): string {
  return fileURLToPath(new URL(`${relative}${from.endsWith('.ts') ? '.ts' : '.js'}`, from));
}
