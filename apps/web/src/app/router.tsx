import type { QueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { meQueryOptions, useUser } from '@/lib/auth';

/** What a page module gives the router: the page, and optionally the queries to start before it renders. */
interface PageModule {
  Component: ComponentType;
  prefetch?: (queryClient: QueryClient, url: URL) => void;
}

// The layout and everything behind sign-in load only after signing in, keeping the first page light.
export function createAppRouter(queryClient: QueryClient) {
  /**
   * A page loaded on demand. The router fetches the chunks of every route a URL matches at once (the
   * layout and the page side by side, not one after the other as nested `React.lazy` would), and a
   * page's `prefetch` asks for its data as soon as its code arrives, before the first render.
   */
  const page = (load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> => ({
    lazy: async () => {
      const { Component, prefetch } = await load();
      return {
        Component,
        ...(prefetch && {
          loader: ({ request }: { request: Request }) => {
            prefetch(queryClient, new URL(request.url));
            return null;
          },
        }),
      };
    },
  });

/** Shown while the first page's code (the sign-in page, or the layout and a page) arrives. */
function FirstPageLoading() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Each user's own first page: lead cadres the dashboard, everyone else the task list (the server decides). */
function HomeRedirect() {
  const user = useUser();
  return <Navigate to={user.data?.home ?? '/tasks'} replace />;
}

  return createBrowserRouter([
    {
      path: '/login',
      ...page(() => import('@/features/auth/routes/login').then((m) => ({ Component: m.LoginRoute }))),
      HydrateFallback: FirstPageLoading,
    },
    {
      path: '/',
      ...page(() => import('./layout/app-layout').then((m) => ({ Component: m.AppLayout }))),
      // Who is signed in is asked while the layout's code is still on its way, not after it arrives.
      loader: () => {
        void queryClient.prefetchQuery(meQueryOptions());
        return null;
      },
      shouldRevalidate: () => false,
      HydrateFallback: FirstPageLoading,
      children: [
        { index: true, Component: HomeRedirect },
        { path: 'tasks', ...page(() => import('@/features/tasks/routes/tasks').then((m) => ({ Component: m.TasksRoute, prefetch: m.prefetchTasks }))) },
        { path: 'tasks/new', ...page(() => import('@/features/tasks/routes/task-new').then((m) => ({ Component: m.TaskNewRoute }))) },
        { path: 'tasks/import', ...page(() => import('@/features/ledger/routes/ledger-import').then((m) => ({ Component: m.LedgerImportRoute }))) },
        { path: 'tasks/:id', ...page(() => import('@/features/tasks/routes/task').then((m) => ({ Component: m.TaskRoute }))) },
        { path: 'tasks/:id/edit', ...page(() => import('@/features/tasks/routes/task-edit').then((m) => ({ Component: m.TaskEditRoute }))) },
        { path: 'todos', ...page(() => import('@/features/todos/routes/todos').then((m) => ({ Component: m.TodosRoute }))) },
        { path: 'settings', ...page(() => import('@/features/settings/routes/settings').then((m) => ({ Component: m.SettingsRoute }))) },
        { path: 'dashboard', ...page(() => import('@/features/dashboard/routes/dashboard').then((m) => ({ Component: m.DashboardRoute }))) },
        { path: 'battle-map', ...page(() => import('@/features/battle-map/routes/battle-map').then((m) => ({ Component: m.BattleMapRoute }))) },
        { path: 'reports', ...page(() => import('@/features/reports/routes/reports').then((m) => ({ Component: m.ReportsRoute }))) },
        { path: 'reports/rounds/:id', ...page(() => import('@/features/reports/routes/round').then((m) => ({ Component: m.RoundRoute }))) },
        { path: 'reports/:id', ...page(() => import('@/features/reports/routes/report').then((m) => ({ Component: m.ReportRoute }))) },
        { path: 'ranking', ...page(() => import('@/features/ranking/routes/ranking').then((m) => ({ Component: m.RankingRoute }))) },
        { path: 'inspections', ...page(() => import('@/features/supervision/routes/inspections').then((m) => ({ Component: m.InspectionsRoute }))) },
        { path: 'inspections/:id', ...page(() => import('@/features/supervision/routes/inspection').then((m) => ({ Component: m.InspectionRoute }))) },
        {
          path: 'rectifications',
          ...page(() => import('@/features/supervision/routes/rectifications').then((m) => ({ Component: m.RectificationsRoute }))),
        },
        { path: 'reminders', ...page(() => import('@/features/supervision/routes/reminders').then((m) => ({ Component: m.RemindersRoute }))) },
        { path: 'assessment', ...page(() => import('@/features/assessment/routes/assessment').then((m) => ({ Component: m.AssessmentRoute }))) },
        {
          path: 'quarterly-report',
          ...page(() => import('@/features/quarterly-report/routes/quarterly-report').then((m) => ({ Component: m.QuarterlyReportRoute }))),
        },
        { path: '*', ...page(() => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute }))) },
      ],
    },
  ]);
}
