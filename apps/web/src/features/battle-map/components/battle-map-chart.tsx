import { battleMapChart, battleMapHeight, battleMapLines, battleMapTaskIdOf } from '@reform/charts';
import type { TBattleMap } from '@reform/contracts';
import { Grid } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart } from '@/components/echart';

const ROW_HEIGHT = 24;

/**
 * The Gantt: a fixed window of rows (the vertical slider and the wheel scroll through the rest,
 * and only the rows in view are drawn, so 2,000 tasks scroll like 30), time zoomed by the
 * bottom slider or Ctrl + wheel. Hovering a bar shows the light's reason; a click opens the task.
 */
export function BattleMapChart({ map }: { map: TBattleMap }) {
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const lines = useMemo(() => battleMapLines(map).length, [map]);
  const rowsShown = Math.min(lines, narrow ? 16 : 28);
  const spec = useMemo(
    () => battleMapChart(map, { rowsShown, firstRow: 0, interactive: true, labelWidth: narrow ? 120 : 280 }),
    [map, rowsShown, narrow],
  );
  return (
    <EChart
      spec={spec}
      height={battleMapHeight(rowsShown, ROW_HEIGHT)}
      label={`挂图作战甘特图：${map.rows.length} 项任务，每项一条从开始到完成时限的横条，按状态灯着色；表格视图列出同样的内容`}
      testId="battle-map-chart"
      onItemClick={(item) => {
        const taskId = battleMapTaskIdOf(item);
        if (taskId !== null) navigate(`/tasks/${taskId}`);
      }}
    />
  );
}
