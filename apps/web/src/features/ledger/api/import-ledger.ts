import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadLedger, type LedgerUploadInput } from './upload-ledger';

/** The real import: all rows or none (a 422 answers the problems again). */
export const importLedger = (input: Omit<LedgerUploadInput, 'dryRun'>) => uploadLedger({ ...input, dryRun: false });

export function useImportLedger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importLedger,
    onSuccess: async (outcome) => {
      if (outcome.kind === 'imported') await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
