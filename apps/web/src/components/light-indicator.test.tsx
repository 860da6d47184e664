import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LightIndicator } from './light-indicator';

describe('LightIndicator', () => {
  it('names the light and its reason for screen readers, not only by colour', () => {
    render(<LightIndicator light="red" reason="节点「出台细则」已逾期 12 天" />);
    expect(screen.getByRole('img', { name: '已逾期：节点「出台细则」已逾期 12 天' })).toBeInTheDocument();
  });

  it('shows the label and reason in a tooltip on hover', async () => {
    const user = userEvent.setup();
    render(<LightIndicator light="yellow" reason="季度报告迟报" />);
    await user.hover(screen.getByRole('img'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('存在风险：季度报告迟报');
  });

  it('can show the label beside the dot', () => {
    render(<LightIndicator light="green" reason="" showLabel />);
    expect(screen.getByText('正常推进')).toBeVisible();
    expect(screen.getByRole('img', { name: '正常推进' })).toBeInTheDocument();
  });
});
