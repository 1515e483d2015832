// Installs what is missing before `npm start` / `npm test`: npm packages (npm ci, from the
// committed package-lock.json) and, with --browser, Debian's chromium for the browser tests.
// Plain Node with no dependencies, since it runs before any are installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.log('sitmap: installing npm packages (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && existsSync('/usr/bin/apt-get')) {
      console.log("sitmap: installing Debian's chromium for the browser tests (apt-get)…");
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      console.error(
        `sitmap: the browser tests need Chromium at ${chromium}, and it is not installed.\n` +
          '  Install Debian\'s package as root:  sudo apt-get update && sudo apt-get install -y chromium\n' +
          '  or point CHROMIUM_PATH at an existing Chromium binary. (Never a downloaded browser build.)',
      );
      process.exit(1);
    }
  }
}
