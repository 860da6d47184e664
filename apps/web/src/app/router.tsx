import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { navAreas } from './nav';

// The layout and everything behind sign-in load only after signing in, keeping the first page light.
const AppLayout = lazy(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const LoginRoute = lazy(() => import('@/features/auth/routes/login').then((m) => ({ default: m.LoginRoute })));
const TasksRoute = lazy(() => import('@/features/tasks/routes/tasks').then((m) => ({ default: m.TasksRoute })));
const TaskRoute = lazy(() => import('@/features/tasks/routes/task').then((m) => ({ default: m.TaskRoute })));
const TaskEditRoute = lazy(() => import('@/features/tasks/routes/task-edit').then((m) => ({ default: m.TaskEditRoute })));
const TaskNewRoute = lazy(() => import('@/features/tasks/routes/task-new').then((m) => ({ default: m.TaskNewRoute })));
const LedgerImportRoute = lazy(() =>
  import('@/features/ledger/routes/ledger-import').then((m) => ({ default: m.LedgerImportRoute })),
);
const TodosRoute = lazy(() => import('@/features/todos/routes/todos').then((m) => ({ default: m.TodosRoute })));
const SettingsRoute = lazy(() => import('@/features/settings/routes/settings').then((m) => ({ default: m.SettingsRoute })));
const RankingRoute = lazy(() => import('@/features/ranking/routes/ranking').then((m) => ({ default: m.RankingRoute })));
const QuarterlyReportRoute = lazy(() =>
  import('@/features/quarterly-report/routes/quarterly-report').then((m) => ({ default: m.QuarterlyReportRoute })),
);
const UnderConstructionRoute = lazy(() =>
  import('./routes/under-construction').then((m) => ({ default: m.UnderConstructionRoute })),
);
const BattleMapRoute = lazy(() => import('@/features/battle-map/routes/battle-map').then((m) => ({ default: m.BattleMapRoute })));
const NotFoundRoute = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundRoute })));

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginRoute /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/tasks" replace /> },
        { path: 'tasks', element: <TasksRoute /> },
        { path: 'tasks/new', element: <TaskNewRoute /> },
        { path: 'tasks/import', element: <LedgerImportRoute /> },
        { path: 'tasks/:id', element: <TaskRoute /> },
        { path: 'tasks/:id/edit', element: <TaskEditRoute /> },
        { path: 'todos', element: <TodosRoute /> },
        { path: 'settings', element: <SettingsRoute /> },
        { path: 'ranking', element: <RankingRoute /> },
        { path: 'quarterly-report', element: <QuarterlyReportRoute /> },
        { path: 'battle-map', element: <BattleMapRoute /> },
        ...navAreas
          .filter((area) => area.comingSoon)
          .map((area) => ({ path: area.path.slice(1), element: <UnderConstructionRoute area={area} /> })),
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
