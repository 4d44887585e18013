import { postReceipts } from "@/lib/integration/endpoints";

// Receipt records (APPI Art.30) into the ledger, in batches (lib/integration/push-receipts.ts).

export const dynamic = "force-dynamic";

export const POST = (request: Request) => postReceipts(request);
