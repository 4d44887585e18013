import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withheldReason } from "@/lib/fulfilment/package/withheld-reason";
import { buildPackageFiles, gapsOf } from "@/lib/fulfilment/package/build";
import { resolveItemScope } from "@/lib/fulfilment/package/item-source";
import { fileFormatOf, packageFormatsFor } from "@/lib/fulfilment/package/formats";
import type { PackageFormat } from "@/lib/generated/prisma/enums";
import { deleteStoredFile } from "@/lib/storage/file-store";
import {
  createEncryptedFileWriter,
  type EncryptedFileWriter,
  type StreamedFile,
} from "@/lib/storage/stream-store";
import type { TBuildPackage } from "@/lib/validation/packages";

import { discardPrepared, loadPackageRequest, lockOpenDisclosure } from "./package-request";

const redactionKey = (rows: { id: string; reason: string }[]) =>
  rows
    .map((r) => `${r.id}:${r.reason}`)
    .sort()
    .join("|");

/**
 * Staff build the disclosure package: the format the person asked for and the readable HTML,
 * streamed through encryption to disk, then recorded as PREPARED packages (releasedAt null) that
 * completing the request releases (lib/data/requests/close-and-release.ts). Building again
 * replaces the earlier prepared packages and deletes their files. If the redactions changed while
 * the files were written, nothing is recorded (CONFLICT): the package would not match them.
 * Nothing is built while a system's export is still open (CONFLICT), nor, when a system's data
 * could not be gathered, unless staff accept that the package states it (`acceptGaps`). Each
 * package records those gaps and the state of its sources, which release checks again.
 */
export async function buildPackage(options: {
  actor: Actor;
  input: Pick<TBuildPackage, "reference"> & Partial<Pick<TBuildPackage, "acceptGaps">>;
  batchSize?: number;
  onBatch?: (itemsSoFar: number) => void;
}) {
  const { actor, input } = options;
  const request = await loadPackageRequest(actor, input.reference);
  const db = getDb();
  const redactions = await db.itemRedaction.findMany({
    where: { requestId: request.id },
    select: { id: true, itemRef: true, ground: true, reason: true },
  });
  const formats = packageFormatsFor(request.details);
  const scope = await resolveItemScope(db, request, request.locale);
  if (scope.systems.some((s) => s.state === "pending"))
    throw new AppError("CONFLICT", "disclosurePackage.errors.pending");
  if (gapsOf(scope).length > 0 && !input.acceptGaps)
    throw new AppError("INVALID_INPUT", "disclosurePackage.errors.gapsNotAccepted", {
      acceptGaps: "disclosurePackage.errors.gapsNotAccepted",
    });
  const files: { format: PackageFormat; writer: EncryptedFileWriter }[] = [];
  let result: {
    itemCount: number;
    withheld: number;
    formats: PackageFormat[];
    gaps: number;
  };
  let replaced: { storageKey: string }[];
  try {
    for (const format of formats) files.push({ format, writer: await createEncryptedFileWriter() });
    const tail = await buildPackageFiles({
      db,
      request,
      redactions: new Map(redactions.map((r) => [r.itemRef, withheldReason(request.locale, r)])),
      outputs: files.map((f) => ({ format: fileFormatOf(f.format), sink: f.writer })),
      batchSize: options.batchSize,
      onBatch: options.onBatch,
    });
    const stored: ({ format: PackageFormat } & StreamedFile)[] = [];
    for (const file of files) stored.push({ format: file.format, ...(await file.writer.finish()) });
    replaced = await db.$transaction(
      async (tx) => {
        await lockOpenDisclosure(tx, request.id);
        const now = await tx.itemRedaction.findMany({
          where: { requestId: request.id },
          select: { id: true, reason: true },
        });
        if (redactionKey(now) !== redactionKey(redactions)) throw new AppError("CONFLICT");
        // A system that failed after the check above would reach the documents unaccepted.
        if (tail.gaps.length > 0 && !input.acceptGaps)
          throw new AppError("INVALID_INPUT", "disclosurePackage.errors.gapsNotAccepted", {
            acceptGaps: "disclosurePackage.errors.gapsNotAccepted",
          });
        const old = await discardPrepared(tx, {
          actor,
          requestId: request.id,
          reason: "rebuilt",
        });
        for (const file of stored) {
          const pkg = await tx.responsePackage.create({
            data: {
              requestId: request.id,
              format: file.format,
              storageKey: file.storageKey,
              wrappedKey: file.wrappedKey,
              sha256: file.sha256,
              sizeBytes: file.sizeBytes,
              itemCount: tail.itemCount,
              gaps: tail.gaps.map((g) => ({ ...g })),
              sourcesKey: tail.sourcesKey,
            },
            select: { id: true },
          });
          await recordAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: "package.build",
            entityType: "ResponsePackage",
            entityId: pkg.id,
            requestId: request.id,
            ip: actor.ip,
            data: {
              format: file.format,
              itemCount: tail.itemCount,
              withheld: tail.withheld.length,
              neverIncluded: tail.neverIncluded.count,
              gaps: tail.gaps.length,
              sha256: file.sha256,
            },
          });
        }
        return old;
      },
      { timeout: 30_000 },
    );
    result = {
      itemCount: tail.itemCount,
      withheld: tail.withheld.length,
      formats: stored.map((f) => f.format),
      gaps: tail.gaps.length,
    };
  } catch (error) {
    // Nothing was recorded: the new files go (a finished one is already under its real name).
    for (const file of files) {
      await file.writer.abort();
      await deleteStoredFile({ storageKey: file.writer.storageKey });
    }
    throw error;
  }
  for (const file of replaced) await deleteStoredFile(file);
  return result;
}
