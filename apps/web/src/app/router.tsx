import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useUser } from '@/lib/auth';

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
const DashboardRoute = lazy(() => import('@/features/dashboard/routes/dashboard').then((m) => ({ default: m.DashboardRoute })));
const RankingRoute = lazy(() => import('@/features/ranking/routes/ranking').then((m) => ({ default: m.RankingRoute })));
const InspectionsRoute = lazy(() => import('@/features/supervision/routes/inspections').then((m) => ({ default: m.InspectionsRoute })));
const InspectionRoute = lazy(() => import('@/features/supervision/routes/inspection').then((m) => ({ default: m.InspectionRoute })));
const RectificationsRoute = lazy(() =>
  import('@/features/supervision/routes/rectifications').then((m) => ({ default: m.RectificationsRoute })),
);
const RemindersRoute = lazy(() => import('@/features/supervision/routes/reminders').then((m) => ({ default: m.RemindersRoute })));
const AssessmentRoute = lazy(() => import('@/features/assessment/routes/assessment').then((m) => ({ default: m.AssessmentRoute })));
const QuarterlyReportRoute = lazy(() =>
  import('@/features/quarterly-report/routes/quarterly-report').then((m) => ({ default: m.QuarterlyReportRoute })),
);
const BattleMapRoute = lazy(() => import('@/features/battle-map/routes/battle-map').then((m) => ({ default: m.BattleMapRoute })));
const ReportsRoute = lazy(() => import('@/features/reports/routes/reports').then((m) => ({ default: m.ReportsRoute })));
const ReportRoute = lazy(() => import('@/features/reports/routes/report').then((m) => ({ default: m.ReportRoute })));
const RoundRoute = lazy(() => import('@/features/reports/routes/round').then((m) => ({ default: m.RoundRoute })));
const NotFoundRoute = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundRoute })));

/** Each user's own first page: lead cadres the dashboard, everyone else the task list (the server decides). */
function HomeRedirect() {
  const user = useUser();
  return <Navigate to={user.data?.home ?? '/tasks'} replace />;
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginRoute /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'tasks', element: <TasksRoute /> },
        { path: 'tasks/new', element: <TaskNewRoute /> },
        { path: 'tasks/import', element: <LedgerImportRoute /> },
        { path: 'tasks/:id', element: <TaskRoute /> },
        { path: 'tasks/:id/edit', element: <TaskEditRoute /> },
        { path: 'todos', element: <TodosRoute /> },
        { path: 'settings', element: <SettingsRoute /> },
        { path: 'dashboard', element: <DashboardRoute /> },
        { path: 'battle-map', element: <BattleMapRoute /> },
        { path: 'reports', element: <ReportsRoute /> },
        { path: 'reports/rounds/:id', element: <RoundRoute /> },
        { path: 'reports/:id', element: <ReportRoute /> },
        { path: 'ranking', element: <RankingRoute /> },
        { path: 'inspections', element: <InspectionsRoute /> },
        { path: 'inspections/:id', element: <InspectionRoute /> },
        { path: 'rectifications', element: <RectificationsRoute /> },
        { path: 'reminders', element: <RemindersRoute /> },
        { path: 'assessment', element: <AssessmentRoute /> },
        { path: 'quarterly-report', element: <QuarterlyReportRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
