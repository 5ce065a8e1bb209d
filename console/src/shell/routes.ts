import type { ReactNode } from 'react';
import type { Bilingual } from './i18n';
import type { Role } from './session';

/**
 * A page of the console. Each part (approver/, admin/, integrator/) lists its own pages; the
 * shell turns them into routes and, for those with `menu`, into the side menu, showing a page
 * only to the roles it names (the API still decides what each caller may see and do).
 */
export interface ConsolePage {
  /** Under /console, e.g. "tasks/:id". */
  path: string;
  element: ReactNode;
  /** Who sees it in the menu and may open it; every signed-in user when left out. */
  roles?: Role[];
  menu?: { key: string; label: Bilingual; icon?: ReactNode; order: number };
}
