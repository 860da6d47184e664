import { describe, expect, it } from 'vitest';
import { taskDetail } from '@/testing/fixtures';
import { editableFieldsOf } from '@reform/contracts';
import { reapplyChanges } from './task-form-values';

describe('reapplyChanges', () => {
  it('keeps my rows on their version, turning a row they removed meanwhile into a new one', () => {
    const mine = editableFieldsOf(taskDetail());
    mine.outcomes[0]!.deliveredCount = 2;
    const theirs = taskDetail({
      version: 4,
      outcomes: [{ id: 7, kind: 'landmark', description: '建成服务中心', targetCount: 1, deliveredCount: 0 }],
      contactName: '赵新',
    });
    const merged = reapplyChanges(theirs, { outcomes: mine.outcomes });
    expect(merged.contactName).toBe('赵新');
    expect(merged.outcomes).toEqual([{ ...mine.outcomes[0], id: undefined }]);
    expect(merged.sourceDocuments).toEqual(editableFieldsOf(theirs).sourceDocuments);
  });
});
