import type { ConsolePage } from '../shell/routes';
import { InboxPage } from './InboxPage';
import { TaskPage } from './TaskPage';
import './approver.css';

// The approvers' pages: the inbox (my tasks and reminders) and a task's page (its process,
// the actions on it, the decision form generated from its kind's form, and its comments).
const DECIDERS: ConsolePage['roles'] = ['APPROVER', 'FEDERATION_OFFICER', 'AGENCY_OFFICER', 'AGENCY_HEAD', 'ADMIN'];

export const approverPages: ConsolePage[] = [
  {
    path: 'tasks',
    element: <div className="approver-page"><InboxPage /></div>,
    roles: DECIDERS,
    menu: { key: 'tasks', label: { zh: '待办', en: 'Inbox' }, order: 10 },
  },
  { path: 'tasks/:id', element: <div className="approver-page"><TaskPage /></div>, roles: DECIDERS },
];
