/**
 * `parseBody` of a route whose body is read and validated inside its job: the pipeline hands
 * the handler the body's bytes unparsed (it checks the content type and size only), and the
 * job decodes, parses and validates them (see readJsonBody), off the event loop and under the
 * time limit. Parsing a hostile 5 MiB body (`[{},{},…]`) on the event loop stalled every
 * other request for about a second, and cloning the parsed value to the worker for longer.
 * The route's `bodySchema` still documents the body. The pipeline knows it by identity.
 */
export function validatedInJob(bytes: unknown): Uint8Array {
  const view = bytes as Uint8Array;
  // A small Buffer is a view on Node's shared 8 KiB pool; cloned to a worker, the whole pool would go with it.
  return view.byteLength === view.buffer.byteLength ? view : new Uint8Array(view);
}
