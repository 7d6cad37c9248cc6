// The local cloud's Node servers are children of a test JVM that holds their standard input open. When that
// JVM ends, however it ends (even by SIGKILL, when no shutdown hook runs), the pipe closes and the server exits,
// so no emulator is left behind.
// Set LTB_NO_PARENT_WATCH=1 to run a server by hand from a shell whose standard input is not a pipe.
export function exitWithParent(onExit = () => {}) {
  const stop = () => {
    try {
      onExit();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.LTB_NO_PARENT_WATCH === '1') return;
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
