import { TaskLevelEnum } from '@reform/contracts';
import { enumOptions } from '@/lib/enum-options';

/** 国家级 / 省级 / 市级 / 县级: a task's level, its issuing level, a pilot's approving level. */
export const levelOptions = enumOptions(TaskLevelEnum);
