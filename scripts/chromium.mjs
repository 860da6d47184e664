// Finds the Chromium the browser tests drive. On a machine without one, a root user with
// apt-get gets Debian's chromium and a CJK font installed (Playwright's own browser download
// does not work on a closed network); anyone else is told what to install.
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

export function ensureChromium() {
  const found = findChromium();
  if (found && hasCjkFont()) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      '端到端测试需要 Chromium 和中文字体 / The browser tests need Chromium and a CJK font:\n' +
        '  sudo apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH)',
    );
    process.exit(1);
  }
  console.log('正在安装 Chromium 与中文字体 / installing chromium and fonts-noto-cjk…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return findChromium();
}
