import type { TRectification } from '@reform/contracts';

/** A rectification item's evidence files (整改佐证) as download links. */
export function EvidenceLinks({ files }: { files: TRectification['evidence'] }) {
  return (
    <span data-testid="rectification-evidence">
      {files.map((file) => (
        <a key={file.id} href={`/api/evidence/${file.id}/download`} style={{ marginInlineEnd: 8 }}>
          {file.originalName}
        </a>
      ))}
    </span>
  );
}
