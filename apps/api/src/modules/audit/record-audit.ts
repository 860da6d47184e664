import type { Prisma } from '@reform/db';

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Field-by-field difference of the keys that were asked to change, for the audit log. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): Changes {
  const changes: Changes = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: { actorId: number; entity: string; entityId: string | number; action: string; changes: Changes; requestId: string },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      changes: entry.changes as Prisma.InputJsonValue,
      requestId: entry.requestId,
    },
  });
}
