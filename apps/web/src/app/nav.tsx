import {
  AuditOutlined,
  BellOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  SettingOutlined,
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
  /** What the area will hold, shown while it is being built. */
  comingSoon?: string;
  /** Only users holding this permission see the entry (everyone when absent); the server still decides. */
  permission?: TPermission;
}

export const navAreas: NavArea[] = [
  { path: '/tasks', label: '任务清单', icon: <UnorderedListOutlined /> },
  { path: '/todos', label: '待办', icon: <BellOutlined />, badge: 'todos' },
  {
    path: '/battle-map',
    label: '挂图作战',
    icon: <FundProjectionScreenOutlined />,
  },
  {
    path: '/reports',
    label: '进展报告',
    icon: <FileTextOutlined />,
    comingSoon: '各单位一季度一报每项任务的进展、成果、问题、下步计划、完成比例和佐证材料，改革办审核通过或退回。',
  },
  {
    path: '/inspections',
    label: '督查整改',
    icon: <AuditOutlined />,
    comingSoon: '定期督导、督察问效的检查记录与发现问题，整改事项明确责任单位和时限，凭佐证材料销号。',
  },
  {
    path: '/ranking',
    label: '晾晒比拼',
    icon: <TrophyOutlined />,
  },
  {
    path: '/quarterly-report',
    label: '季度报告',
    icon: <FilePdfOutlined />,
    permission: 'quarterly-report:read',
  },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, permission: 'settings:manage' },
];
