// In the packaged app the parser runs as an Electron utility process (child_process.fork would need the
// RunAsNode fuse, which release builds turn off). Same messages as the Node child.
import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import type { ParseReply, SpawnParser } from '../workers/parse-messages.js';

export const spawnUtilityParser: SpawnParser = (limits) => {
  const entry = fileURLToPath(new URL('./parse-child.mjs', import.meta.url));
  const child = utilityProcess.fork(entry, [], {
    execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`, '--max-semi-space-size=4'],
    serviceName: 'Triage Desk file reader',
    stdio: 'ignore',
  });
  return {
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (reply: ParseReply) => listener(reply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
