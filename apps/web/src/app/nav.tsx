import {
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  SettingOutlined,
  SolutionOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { TPermission } from '@reform/contracts';
import type { ReactNode } from 'react';

export interface NavArea {
  path: string;
  label: string;
  icon: ReactNode;
  /** A count shown beside the label (the unit's open to-dos). */
  badge?: 'todos';
  /** Only users holding this permission see the entry (everyone when absent); the server still decides. */
  permission?: TPermission;
  /** Other paths that belong to the area (its sub-pages elsewhere in the URL space). */
  alsoAt?: string[];
}

/** Whether a path is the area's page or one of its sub-pages. */
export const isInArea = (area: NavArea, pathname: string) =>
  [area.path, ...(area.alsoAt ?? [])].some((path) => pathname === path || pathname.startsWith(`${path}/`));

export const navAreas: NavArea[] = [
  { path: '/dashboard', label: '总览', icon: <DashboardOutlined />, permission: 'dashboard:read' },
  { path: '/tasks', label: '任务清单', icon: <UnorderedListOutlined />, permission: 'tasks:read' },
  { path: '/todos', label: '待办', icon: <BellOutlined />, badge: 'todos', permission: 'todos:read' },
  {
    path: '/battle-map',
    label: '挂图作战',
    icon: <FundProjectionScreenOutlined />,
    permission: 'tasks:read',
  },
  { path: '/reports', label: '进展报告', icon: <FileTextOutlined />, permission: 'reports:read' },
  {
    path: '/inspections',
    label: '督查整改',
    icon: <AuditOutlined />,
    permission: 'supervision:read',
    alsoAt: ['/rectifications', '/reminders'],
  },
  {
    path: '/ranking',
    label: '晾晒比拼',
    icon: <TrophyOutlined />,
    permission: 'rankings:read',
  },
  {
    path: '/quarterly-report',
    label: '季度报告',
    icon: <FilePdfOutlined />,
    permission: 'quarterly-report:read',
  },
  { path: '/assessment', label: '年度考评', icon: <SolutionOutlined />, permission: 'assessment:read' },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, permission: 'settings:manage' },
];
