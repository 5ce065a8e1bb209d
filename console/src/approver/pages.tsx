import { lazy } from 'react';
import type { ConsolePage } from '../shell/routes';
import { InboxPage } from './InboxPage';
import './approver.css';

// The inbox is most people's first page: it comes with the first load. A task's page (and its
// form code) is loaded when one is first opened.
const TaskPage = lazy(() => import('./TaskPage').then((m) => ({ default: m.TaskPage })));

// The approvers' pages: the inbox (my tasks and reminders) and a task's page (its process,
// the actions on it, the decision form generated from its kind's form, and its comments). Every
// signed-in role has an inbox: tasks may name a person (an expert reviewer signs in as INTEGRATOR).

export const approverPages: ConsolePage[] = [
  {
    path: 'tasks',
    element: (
      <div className="approver-page">
        <InboxPage />
      </div>
    ),
    menu: { key: 'tasks', label: { zh: '待办', en: 'Inbox' }, order: 10 },
  },
  {
    path: 'tasks/:id',
    element: (
      <div className="approver-page">
        <TaskPage />
      </div>
    ),
  },
];
