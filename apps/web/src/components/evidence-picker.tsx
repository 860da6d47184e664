import { UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_MAX_BYTES, evidenceKinds } from '@reform/contracts';
import { App, Button, Upload, type UploadFile } from 'antd';

const limitMb = EVIDENCE_MAX_BYTES / 1024 / 1024;

/** What the picker accepts, for a form item's `extra`. */
export const evidenceHint = (multiple = true) => `${evidenceKinds}，${multiple ? '每个' : ''}不超过 ${limitMb} MB`;

interface EvidencePickerProps {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  /** One file only (an appeal's proof) instead of several. */
  single?: boolean;
  disabled?: boolean;
}

/**
 * Picks evidence files (佐证材料) for a dialog: a file over the limit is refused at once; the rest
 * stay in the dialog and are uploaded by its submit, so a cancelled dialog uploads nothing.
 */
export function EvidencePicker({ files, onChange, single = false, disabled = false }: EvidencePickerProps) {
  const { message } = App.useApp();
  return (
    <Upload
      multiple={!single}
      maxCount={single ? 1 : undefined}
      fileList={files}
      disabled={disabled}
      beforeUpload={(file) => {
        if (file.size > EVIDENCE_MAX_BYTES) {
          message.error(`“${file.name}”超过 ${limitMb} MB`);
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList)}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        选择文件
      </Button>
    </Upload>
  );
}
