import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { RoleEnum, type TCurrentUser } from '@reform/contracts';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import '../locales';
import { isInArea, navAreas } from '../nav';
import { ErrorState } from '@/components/error-state';
import { useTodos } from '@/features/todos/api/get-todos';
import { useLogout, useUser } from '@/lib/auth';

const { Header, Sider, Content } = Layout;

const productName = '改革任务全周期管理系统';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const todos = useTodos();
  const todoCount = todos.data?.length ?? 0;
  const permissions = useUser().data?.permissions;
  const areas = navAreas.filter((area) => !area.permission || (permissions?.includes(area.permission) ?? false));
  const selected = areas.find((area) => isInArea(area, pathname));
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      items={areas.map((area) => ({
        key: area.path,
        icon: area.icon,
        label:
          area.badge === 'todos' && todoCount > 0 ? (
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              {area.label}
              <Badge count={todoCount} size="small" overflowCount={99} aria-label={`${todoCount} 项待办`} data-testid="todo-badge" />
            </span>
          ) : (
            area.label
          ),
      }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function Brand({ compact }: { compact: boolean }) {
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        justifyContent: compact ? 'center' : 'flex-start',
        gap: 10,
        padding: compact ? 0 : '0 16px',
        fontWeight: 600,
        color: '#b71c1c',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span
        aria-hidden
        style={{
          flex: 'none',
          width: 28,
          height: 28,
          borderRadius: 6,
          background: '#b71c1c',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontSize: 16,
        }}
      >
        改
      </span>
      {!compact && <span style={{ fontSize: 14 }}>{productName}</span>}
    </div>
  );
}

function UserArea({ user, compact }: { user: TCurrentUser; compact: boolean }) {
  const navigate = useNavigate();
  const logout = useLogout({ onSuccess: () => navigate('/login', { replace: true }) });
  const roleLabel = RoleEnum.labels[user.role];
  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: `${user.displayName} · ${user.unit.name}`, disabled: true },
            { key: 'role', label: roleLabel, disabled: true },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => logout.mutate() },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label="当前用户">
          {user.displayName}
        </Button>
      </Dropdown>
    );
  }
  return (
    <Space size={12} data-testid="current-user">
      <UserOutlined />
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Typography.Text type="secondary">{user.unit.name}</Typography.Text>
      <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
        {roleLabel}
      </Tag>
      <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
        退出登录
      </Button>
    </Space>
  );
}

const pageFallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

/** On a phone the menu is closed: its button carries the to-do count, so a waiting item is seen without opening it. */
function MenuButton({ onClick }: { onClick: () => void }) {
  const todos = useTodos();
  const count = todos.data?.length ?? 0;
  return (
    <Badge count={count} size="small" overflowCount={99} offset={[-6, 6]} data-testid="menu-todo-badge">
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={count > 0 ? `打开菜单，${count} 项待办` : '打开菜单'}
        onClick={onClick}
      />
    </Badge>
  );
}

export function AppLayout() {
  const user = useUser();
  const location = useLocation();
  // The next page's code is on its way: the current page stays, with a bar that says so.
  const navigating = useNavigation().state === 'loading';
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a wide screen.
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  if (user.isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (user.isError) return <ErrorState error={user.error} onRetry={() => user.refetch()} />;
  if (!user.data) {
    const redirectTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?redirectTo=${redirectTo}`} replace />;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navigating && <div className="page-loading-bar" role="progressbar" aria-label="页面加载中" />}
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0 } }}
          title={productName}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Sider
          theme="light"
          width={224}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{ borderInlineEnd: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh' }}
        >
          <Brand compact={collapsed} />
          <NavMenu />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: isMobile ? '0 8px' : '0 24px',
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isMobile ? (
            <Space size={4}>
              <MenuButton onClick={() => setDrawerOpen(true)} />
              <Typography.Text strong style={{ color: '#b71c1c', fontSize: 15 }}>
                改革任务管理
              </Typography.Text>
            </Space>
          ) : (
            <span />
          )}
          <UserArea user={user.data} compact={isMobile} />
        </Header>
        <Content style={{ padding: isMobile ? 8 : 24 }}>
          <Suspense fallback={pageFallback}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
