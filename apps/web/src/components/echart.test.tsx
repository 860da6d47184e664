import { barChart } from '@reform/charts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EChart } from './echart';

describe('EChart', () => {
  it('draws a chart built by @reform/charts as SVG, labelled for screen readers', async () => {
    const spec = barChart({
      categories: ['强制性改革'],
      series: [{ name: '逾期任务', data: [3] }],
      animation: false,
    });
    // jsdom has no layout: give the chart a fixed size through its container's inline style.
    const { container } = render(
      <div style={{ width: 400 }}>
        <EChart spec={spec} height={240} label="各清单逾期任务" testId="chart" />
      </div>,
    );
    const chart = screen.getByRole('img', { name: '各清单逾期任务' });
    expect(chart).toBe(screen.getByTestId('chart'));
    await screen.findByText('强制性改革');
    expect(container.querySelector('svg')).not.toBeNull();
  });

  it('redraws when the spec changes and disposes on unmount', async () => {
    const first = barChart({ categories: ['甲'], series: [{ name: 'a', data: [1] }], animation: false });
    const second = barChart({ categories: ['乙'], series: [{ name: 'a', data: [2] }], animation: false });
    const { rerender, unmount, container } = render(<EChart spec={first} height={200} label="图" />);
    await screen.findByText('甲');
    rerender(<EChart spec={second} height={200} label="图" />);
    await screen.findByText('乙');
    expect(screen.queryByText('甲')).toBeNull();
    unmount();
    expect(container.querySelector('svg')).toBeNull();
  });
});
