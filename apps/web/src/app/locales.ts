import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { z } from 'zod';
import zodZhCN from 'zod/v4/locales/zh-CN.js';

// Chinese for antd's date pickers (dayjs) and for zod's own messages (wrong type, too long…),
// like the contracts' custom ones. Loaded with the layout behind sign-in, not by the sign-in
// page, which uses neither.
dayjs.locale('zh-cn');
z.config(zodZhCN());
