import { ApiError } from "./errors";

// Reading a JSON body with a byte limit, so an oversized batch is refused before it is parsed.

export async function readRawBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new ApiError(413, "payload_too_large", `The body exceeds ${maxBytes} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  return text;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON");
  }
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  return parseJson(await readRawBody(request, maxBytes));
}
