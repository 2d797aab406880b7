// The preview's server-sent events, read from an open response: each `build`
// event's data in turn. Shared by the bench's serve figure and test/serve.test.ts.

/** Read `build` events from `response`; `next(timeoutMs?)` resolves with the next one's data. */
export function buildEvents(response) {
  const queue = [];
  const waiting = [];
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!/^event: build$/m.test(block)) continue;
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      const waiter = waiting.shift();
      if (waiter) waiter(data);
      else queue.push(data);
    }
  });
  return {
    next: (timeoutMs) =>
      queue.length
        ? Promise.resolve(queue.shift())
        : new Promise((done, fail) => {
            const timer =
              timeoutMs === undefined ? undefined : setTimeout(() => fail(new Error(`no reload event within ${timeoutMs} ms`)), timeoutMs);
            waiting.push((data) => {
              clearTimeout(timer);
              done(data);
            });
          }),
    drain: () => queue.splice(0),
  };
}
