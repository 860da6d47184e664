import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { navAreas } from './nav';

const LoginRoute = lazy(() => import('@/features/auth/routes/login').then((m) => ({ default: m.LoginRoute })));
const TasksRoute = lazy(() => import('@/features/tasks/routes/tasks').then((m) => ({ default: m.TasksRoute })));
const TaskRoute = lazy(() => import('@/features/tasks/routes/task').then((m) => ({ default: m.TaskRoute })));
const TaskEditRoute = lazy(() => import('@/features/tasks/routes/task-edit').then((m) => ({ default: m.TaskEditRoute })));
const UnderConstructionRoute = lazy(() =>
  import('./routes/under-construction').then((m) => ({ default: m.UnderConstructionRoute })),
);
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
        { path: 'tasks/:id', element: <TaskRoute /> },
        { path: 'tasks/:id/edit', element: <TaskEditRoute /> },
        ...navAreas
          .filter((area) => area.comingSoon)
          .map((area) => ({ path: area.path.slice(1), element: <UnderConstructionRoute area={area} /> })),
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
