import { Spin } from 'antd';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const router = createAppRouter();

/** Shown while a lazily loaded page (the sign-in page, or the layout after signing in) arrives. */
const loading = (
  <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
    <Spin size="large" />
  </div>
);

export function App() {
  return (
    <AppProvider>
      <Suspense fallback={loading}>
        <RouterProvider router={router} />
      </Suspense>
    </AppProvider>
  );
}
