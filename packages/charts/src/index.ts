export { barChart, lineChart, pieChart, type BarChartInput, type LineChartInput, type PieChartInput, type Series } from './builders';
export { lightColors, palette, themeBase, axisStyle, type ChartKind, type ChartSpec, type ChartStyle, type ChartTheme } from './spec';
export { battleMapChart, battleMapHeight, battleMapLines, battleMapOption, battleMapTaskIdOf, milestoneMarks, BASELINE_COLOR, TODAY_COLOR, type BattleMapLine, type BattleMapOptionSettings } from './battle-map';
