import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '@/lib/auth';

/** The area's three views: 督察记录, 整改事项, and for the offices 提醒记录. */
export function SupervisionTabs() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canSeeReminders = useCan('reminders:read');
  const options = [
    { label: '督察记录', value: '/inspections' },
    { label: '整改事项', value: '/rectifications' },
    ...(canSeeReminders ? [{ label: '提醒记录', value: '/reminders' }] : []),
  ];
  const value = options.find((option) => pathname.startsWith(option.value))?.value ?? '/inspections';
  return <Segmented options={options} value={value} onChange={(to) => navigate(String(to))} style={{ marginBottom: 16 }} />;
}
