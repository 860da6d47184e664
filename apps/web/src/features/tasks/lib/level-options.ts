import { TaskLevelEnum } from '@reform/contracts';

/** 国家级 / 省级 / 市级 / 县级: a task's level, its issuing level, a pilot's approving level. */
export const levelOptions = TaskLevelEnum.values.map((value) => ({ value, label: TaskLevelEnum.labels[value] }));
