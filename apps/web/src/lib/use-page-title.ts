import { useEffect } from 'react';

const productName = '改革任务全周期管理系统';

export function usePageTitle(title?: string) {
  useEffect(() => {
    document.title = title ? `${title} - ${productName}` : productName;
  }, [title]);
}
