import { postProvisions } from "@/lib/integration/endpoints";

// Provision events into the ledger, in batches (lib/integration/push-provisions.ts).

export const dynamic = "force-dynamic";

export const POST = (request: Request) => postProvisions(request);
