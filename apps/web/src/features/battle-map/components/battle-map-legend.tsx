import { BASELINE_COLOR, TODAY_COLOR, lightColors, milestoneMarks } from '@reform/charts';
import { LightEnum, MilestoneStateEnum } from '@reform/contracts';
import { Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';

const markStyle: Record<'circle' | 'diamond' | 'triangle', CSSProperties> = {
  circle: { width: 10, height: 10, borderRadius: '50%' },
  diamond: { width: 9, height: 9, transform: 'rotate(45deg)' },
  triangle: { width: 10, height: 10, clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' },
};

/** What the colours and marks mean; printed with the map. */
export function BattleMapLegend() {
  return (
    <Flex wrap gap="small" align="center" data-testid="battle-map-legend" style={{ rowGap: 4, columnGap: 16 }}>
      {LightEnum.values.map((light) => (
        <Flex key={light} gap={6} align="center">
          <span aria-hidden style={{ width: 22, height: 10, borderRadius: 2, background: lightColors[light] }} />
          <Typography.Text>{LightEnum.labels[light]}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        <span aria-hidden style={{ width: 22, height: 3, background: BASELINE_COLOR }} />
        <Typography.Text>基线（批准时的时间表）</Typography.Text>
      </Flex>
      {MilestoneStateEnum.values.map((state) => (
        <Flex key={state} gap={6} align="center">
          <span aria-hidden style={{ display: 'inline-block', background: milestoneMarks[state].color, ...markStyle[milestoneMarks[state].symbol] }} />
          <Typography.Text>节点{MilestoneStateEnum.labels[state]}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        <span aria-hidden style={{ width: 2, height: 14, background: TODAY_COLOR }} />
        <Typography.Text>今天</Typography.Text>
      </Flex>
    </Flex>
  );
}
