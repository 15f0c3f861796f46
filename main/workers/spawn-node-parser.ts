// Starts the parser as a Node child process: for the CLI, the browser shell and tests.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParseReply, SpawnParser } from './parse-messages.js';

export const spawnNodeParser: SpawnParser = (limits) => {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './parse-child.ts' : './parse-child.mjs', here));
  const child = fork(entry, [], {
    execArgv: [...(fromSource ? ['--import', 'tsx'] : []), `--max-old-space-size=${limits.maxMemoryMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return {
    send: (request) => child.send(request),
    onMessage: (listener) => child.on('message', (reply) => listener(reply as ParseReply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
};
