// Finds the Chromium the browser tests drive and the other tools the suites read documents with.
// On a machine without them, a root user with apt-get gets Debian's packages installed
// (Playwright's own browser download does not work on a closed network); anyone else is told.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

function hasCjkFont() {
  try {
    return /CJK|Noto Sans SC|WenQuanYi/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the suites need from the machine, as Debian packages: the browser and a CJK font for the
 * browser tests, poppler's pdftotext/pdffonts and unzip to read the quarterly report back.
 */
const needs = [
  { package: 'chromium', present: () => findChromium() !== null },
  { package: 'fonts-noto-cjk', present: hasCjkFont },
  { package: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdffonts') },
  { package: 'unzip', present: () => onPath('unzip') },
];

/** Installs what is missing (root with apt-get), or says what to install; returns the Chromium to drive. */
export function ensureTestTools() {
  const missing = needs.filter((need) => !need.present()).map((need) => need.package);
  if (missing.length === 0) return findChromium();
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      '测试需要以下软件包 / The tests need these packages:\n' +
        `  sudo apt-get install -y ${missing.join(' ')}   (Chromium: or set CHROMIUM_PATH)`,
    );
    process.exit(1);
  }
  console.log(`正在安装 / installing ${missing.join(' ')}…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return findChromium();
}
