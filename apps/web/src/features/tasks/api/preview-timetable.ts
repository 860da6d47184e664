import type { ZTimetablePreview, ZTimetablePreviewBody } from '@reform/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type TimetablePreviewBody = z.input<typeof ZTimetablePreviewBody>;
export type TimetablePreview = z.infer<typeof ZTimetablePreview>;

/** Reverse-schedules milestones back from the deadline by a phase template (倒排工期); nothing is saved. */
export const previewTimetable = (body: TimetablePreviewBody) =>
  api<TimetablePreview>('/timetable/preview', { method: 'POST', body });

export const usePreviewTimetable = () => useMutation({ mutationFn: previewTimetable });
