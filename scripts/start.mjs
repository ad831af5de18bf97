// `npm start`: the main job on the bundled samples: lint them, then show their outline.
// Findings are the point of the demonstration, so lint's exit status 1 is not a failure here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const cli = path.join(root, 'dist/cli.js');
const samples = 'samples';

for (const [title, args] of [
  ['cablewright lint samples', ['lint', samples]],
  ['cablewright outline samples', ['outline', samples]],
]) {
  process.stdout.write(`\n$ ${title}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  if (r.status === 2 || r.status === null) process.exit(2);
}
