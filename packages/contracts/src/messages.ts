/**
 * Our own validation messages, Chinese first. The API answers in English on request
 * (Accept-Language: en) by looking the Chinese text up here; zod's built-in messages
 * are translated by zod's own locales.
 */
export const messages = {
  required: { zh: '此项为必填项', en: 'This field is required' },
  dateFormat: { zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  dateInvalid: { zh: '不是有效的日期', en: 'Not a valid date' },
  deadlineBeforeStart: { zh: '完成时限不能早于开始日期', en: 'The deadline cannot be before the start date' },
  titleLength: { zh: '任务名称应为 2 至 200 个字', en: 'The title must be 2 to 200 characters' },
  percent: { zh: '应为 0 至 100 的整数', en: 'Must be a whole number from 0 to 100' },
  year: { zh: '年度应在 2000 至 2100 之间', en: 'The year must be between 2000 and 2100' },
  username: { zh: '请输入用户名', en: 'Enter the username' },
  password: { zh: '请输入密码', en: 'Enter the password' },
  mentionLimit: { zh: '一条评论最多提及 5 个单位', en: 'A comment may mention at most 5 units' },
  version: { zh: '缺少版本号，请刷新后重试', en: 'The version is missing; reload and try again' },
  versionInvalid: { zh: '版本号无效，请刷新后重试', en: 'The version is not valid; reload and try again' },
  id: { zh: '编号无效', en: 'Not a valid id' },
  textUnstorable: {
    zh: '含有无法保存的字符（如空字符或残缺的表情符号），请删除后重试',
    en: 'Contains characters that cannot be saved (a NUL character or a broken emoji); remove them and try again',
  },
  page: { zh: '页码无效', en: 'Not a valid page number' },
  noChanges: { zh: '没有要保存的修改', en: 'Nothing to save' },
  milestonesRequired: { zh: '至少需要一个时间节点', en: 'At least one milestone is required' },
  pilotRequired: { zh: '改革试点须填写试点信息', en: 'A pilot needs its pilot details' },
  milestoneOutsideSpan: { zh: '时间节点须在开始日期与完成时限之间', en: 'Milestones must fall between the start date and the deadline' },
  adjustmentReason: { zh: '请说明调整理由（至少 4 个字）', en: 'Give the reason for the adjustment (at least 4 characters)' },
  refusalReason: { zh: '不同意时请填写理由', en: 'Give a reason when refusing' },
  outcomeTarget: { zh: '目标数量应为 1 至 1000 的整数', en: 'The target must be a whole number from 1 to 1000' },
  outcomeDelivered: { zh: '已交付数量应为 0 至 1000 的整数', en: 'The delivered count must be a whole number from 0 to 1000' },
  pageSize: { zh: '每页条数应在 1 至 200 之间', en: 'Page size must be from 1 to 200' },
  deadlineFrozen: {
    zh: '时间表已审定，调整完成时限请提交调整申请',
    en: 'The timetable is approved; request an adjustment to move the deadline',
  },
  suspendReason: { zh: '请说明暂停理由（至少 4 个字）', en: 'Give the reason for suspending (at least 4 characters)' },
  closeReason: { zh: '请填写销号说明（至少 4 个字）', en: 'Give the closing note (at least 4 characters)' },
  startDateFrozen: { zh: '时间表已审定，开始日期不再修改', en: 'The timetable is approved; the start date no longer changes' },
  termEndBeforeStart: { zh: '试点期限的结束日期不能早于开始日期', en: 'The pilot term cannot end before it starts' },
  extensionReason: { zh: '请说明延期理由（至少 4 个字）', en: 'Give the reason for the extension (at least 4 characters)' },
  extensionNotLater: { zh: '延期后的日期须晚于当前试点期限', en: 'The extension must end after the current pilot term' },
} as const satisfies Record<string, { zh: string; en: string }>;

export const englishFor: ReadonlyMap<string, string> = new Map(
  Object.values(messages).map((message) => [message.zh, message.en]),
);
