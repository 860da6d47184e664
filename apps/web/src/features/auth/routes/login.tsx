import { Spin, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useUser } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { LoginForm } from '../components/login-form';

/** Only same-site paths: a crafted link must not send the user elsewhere after signing in. */
function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginRoute() {
  usePageTitle('登录');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const redirectTo = safeRedirect(searchParams.get('redirectTo'));

  if (user.isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (user.data) return <Navigate to={redirectTo} replace />;

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'radial-gradient(ellipse at 20% 0%, #c62828 0%, #8e0000 55%, #5d0000 100%)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 420 }}>
        <header style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <div
            aria-hidden
            style={{
              width: 56,
              height: 56,
              margin: '0 auto 12px',
              borderRadius: 12,
              background: '#fff',
              color: '#b71c1c',
              display: 'grid',
              placeItems: 'center',
              fontSize: 30,
              fontWeight: 700,
            }}
          >
            改
          </div>
          <Typography.Title level={1} style={{ color: '#fff', fontSize: 26, margin: 0 }}>
            改革任务全周期管理系统
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15, margin: '8px 0 0', letterSpacing: 2 }}>
            三张清单 · 挂图作战 · 晾晒比拼
          </Typography.Paragraph>
        </header>
        {/* A plain panel rather than antd's Card, which brings its tabs along to the first page. */}
        <div style={{ background: '#fff', borderRadius: 8, padding: 24, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
          <LoginForm onSuccess={() => navigate(redirectTo, { replace: true })} />
        </div>
      </div>
    </main>
  );
}
