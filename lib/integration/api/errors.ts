// The API's one error shape: { error: { code, message, items? } }. Messages are plain English for
// the integrating developer; `items` names each refused item of a batch by its index.

export interface ItemError {
  index: number;
  code: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; items?: ItemError[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly items?: ItemError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(): Response {
    const body: ApiErrorBody = {
      error: {
        code: this.code,
        message: this.message,
        ...(this.items ? { items: this.items } : {}),
      },
    };
    return Response.json(body, { status: this.status, headers: this.headers });
  }
}

/** At most this many item errors are returned; the count says how many there were. */
export const MAX_ITEM_ERRORS = 100;

export function invalidItems(errors: ItemError[]): ApiError {
  return new ApiError(
    422,
    "invalid_items",
    `${errors.length} item(s) refused; nothing from this batch was stored`,
    errors.slice(0, MAX_ITEM_ERRORS),
  );
}
