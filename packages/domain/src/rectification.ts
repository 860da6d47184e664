import type { RectificationAction, RectificationStatus } from '@reform/contracts';
import { daysBetween, type IsoDate } from './calendar.ts';

/**
 * The rectification item's state machine (整改事项):
 * - open → respond → responded (the owner unit reports what it did, with evidence);
 * - responded → close → closed (销号, by the inspecting office), or → reopen → open (the response
 *   was not enough; the reason is kept);
 * - closed → reopen → open (found again); a closed item is otherwise final.
 * Anything else is refused.
 */
const transitions: Record<RectificationStatus, Partial<Record<RectificationAction, RectificationStatus>>> = {
  open: { respond: 'responded' },
  responded: { close: 'closed', reopen: 'open' },
  closed: { reopen: 'open' },
};

/** The status an action leads to from `from`, or null when the action is not allowed there. */
export function rectificationTransition(from: RectificationStatus, action: RectificationAction): RectificationStatus | null {
  return transitions[from][action] ?? null;
}

/** Why an action is refused, in words (for the 409 / field message). */
export function rectificationRefusal(from: RectificationStatus, action: RectificationAction): string {
  if (from === 'closed') return action === 'respond' ? '整改事项已销号，不能再反馈' : '整改事项已销号';
  if (from === 'open' && action === 'close') return '整改事项尚未反馈整改情况，不能销号';
  if (from === 'open' && action === 'reopen') return '整改事项仍在整改中，无需重新打开';
  if (from === 'responded' && action === 'respond') return '整改情况已反馈，等待销号';
  return '该操作不适用于当前状态';
}

/** Days an unclosed item is past its deadline (0 when not late, or when closed / responded). A deadline's whole day counts. */
export function rectificationOverdueDays(item: { status: RectificationStatus; deadline: IsoDate }, today: IsoDate): number {
  if (item.status !== 'open' || item.deadline >= today) return 0;
  return daysBetween(item.deadline, today);
}

/** A description short enough for a light's reason or a reminder's subject. */
export function shortDescription(text: string, max = 30): string {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
