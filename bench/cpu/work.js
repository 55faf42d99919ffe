// A fixed amount of plain computation, timed where it runs (the page's main thread or a worker).
export function timedWork(rounds) {
  const start = performance.now();
  let state = 1;
  for (let i = 0; i < rounds; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
  }
  return { ms: performance.now() - start, state };
}
