// A download streamed page by page (keyset pages from a data function), built so that a failure
// never reaches the person as a file that looks complete:
// - the first page is read before the caller answers, so a failure there rejects this function
//   and the route answers with an error status instead of a 200 holding only a header line;
// - a later failure errors the stream, and Next.js then destroys the connection without the
//   chunked encoding's final chunk, so browsers and curl report a broken transfer.
// No Next.js imports: lib/export/paged-body.test.ts drives it with plain async generators.

export interface PagedBodyOptions<T> {
  pages: AsyncIterator<T, unknown, undefined>;
  /** Written before the first page (a BOM and header line, the opening of a JSON document). */
  head: string;
  render: (page: T) => string;
  /** Written after the last page. */
  tail?: string;
  /** Called with a failure after the response has started, before the transfer is aborted. */
  onError?: (error: unknown) => void;
}

export async function pagedBody<T>(
  options: PagedBodyOptions<T>,
): Promise<ReadableStream<Uint8Array>> {
  const { pages, render, onError } = options;
  const encoder = new TextEncoder();
  let opening: string | null;
  let empty: boolean;
  try {
    // Rejects here, before any byte, when the first page cannot be read or rendered.
    const first = await pages.next();
    empty = first.done === true;
    opening = options.head + (first.done ? (options.tail ?? "") : render(first.value));
  } catch (error) {
    await pages.return?.(undefined);
    throw error;
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (opening !== null) {
          controller.enqueue(encoder.encode(opening));
          opening = null;
          if (empty) controller.close();
          return;
        }
        const next = await pages.next();
        if (next.done) {
          if (options.tail) controller.enqueue(encoder.encode(options.tail));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(render(next.value)));
      } catch (error) {
        onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
}
