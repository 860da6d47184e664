import { useMutation } from '@tanstack/react-query';
import { uploadLedger, type LedgerUploadInput } from './upload-ledger';

/** Dry run: checks the file and answers what would be imported; nothing is written. */
export const checkLedger = (input: Omit<LedgerUploadInput, 'dryRun'>) => uploadLedger({ ...input, dryRun: true });

export const useCheckLedger = () => useMutation({ mutationFn: checkLedger });
