import { Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';

interface ConflictChoice {
  label: string;
  onClick: () => void;
  testId: string;
}

interface ConflictDialogProps {
  open: boolean;
  /** 该任务已被他人修改, 该设置已被他人修改 … */
  title: string;
  /** What happened: who saved which version; the user's changes are not saved. */
  intro: ReactNode;
  /** Their saved values beside mine. */
  children: ReactNode;
  /** What each choice does. */
  explanation: ReactNode;
  /** Drop my changes and show theirs. */
  loadLatest: ConflictChoice;
  /** Keep my changes on top of their version, to check and save again. */
  keepMine: ConflictChoice;
  /** Which choice is the highlighted one. */
  primary?: 'loadLatest' | 'keepMine';
  width?: number;
}

/**
 * The dialog a 409 opens in every form that saves a versioned record: their version beside mine,
 * and the two ways on. It cannot be dismissed without choosing, so no one saves over a version
 * they have not seen.
 */
export function ConflictDialog({ open, title, intro, children, explanation, loadLatest, keepMine, primary = 'keepMine', width = 820 }: ConflictDialogProps) {
  const button = (choice: ConflictChoice, isPrimary: boolean) => (
    <Button key={choice.testId} type={isPrimary ? 'primary' : 'default'} onClick={choice.onClick} data-testid={choice.testId}>
      {choice.label}
    </Button>
  );
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        primary === 'keepMine'
          ? [button(loadLatest, false), button(keepMine, true)]
          : [button(keepMine, false), button(loadLatest, true)]
      }
    >
      {open && (
        <>
          <Typography.Paragraph>{intro}</Typography.Paragraph>
          {children}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {explanation}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
