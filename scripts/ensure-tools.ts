/**
 * `tsx scripts/ensure-tools.ts demo|test`: makes sure what the demo or the test suite needs is on this machine
 * (scripts/tools.ts decides), installing it on Debian/Ubuntu when allowed. HUIKUAN_NO_INSTALL=1 skips installing.
 * Exits non-zero only when something is missing and could not be installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type Purpose, type System, type Tool, planTools } from './tools';

const purpose = (process.argv[2] ?? 'test') as Purpose;

function distro(): string[] {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return ['ID', 'ID_LIKE']
      .flatMap((k) => (new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text)?.[1] ?? '').toLowerCase().split(/\s+/))
      .filter(Boolean);
  } catch {
    return [];
  }
}

const onPath = (bin: string) => !spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status;
const fontsPresent = () =>
  [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
  ].some(existsSync) ||
  (onPath('fc-list') && /CJK/.test(spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '')) ||
  process.platform === 'darwin' ||
  process.platform === 'win32'; // their system fonts cover Chinese

function found(): Set<Tool['id']> {
  const s = new Set<Tool['id']>();
  if (
    [
      '/usr/bin/chromium',
      '/usr/lib/chromium/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ].some(existsSync)
  )
    s.add('chromium');
  if (onPath('faketime')) s.add('faketime');
  if (onPath('firefox-esr') || onPath('firefox')) s.add('firefox');
  if (fontsPresent()) s.add('cjk-fonts');
  return s;
}

const system: System = {
  platform: process.platform,
  distro: distro(),
  isRoot: process.getuid?.() === 0,
  passwordlessSudo:
    process.getuid?.() !== 0 && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  env: process.env,
  found: found(),
};

const plan = planTools(purpose, system);
const names = (ts: Tool[]) => ts.map((t) => `${t.debian} (${t.why})`).join(', ');
switch (plan.action) {
  case 'none':
    break;
  case 'install':
    console.log(`Installing ${names(plan.tools)}…`);
    try {
      execFileSync(plan.command[0], plan.command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      console.error(`Could not install them. Run:\n  ${plan.command.slice(2).join(' ')}`);
      process.exit(1);
    }
    break;
  case 'skip':
    console.log(
      `HUIKUAN_NO_INSTALL=1: not installing ${names(plan.tools)}. Tests that need them will fail; to install:\n  ${plan.hint}`,
    );
    break;
  case 'instruct':
    console.error(
      `Missing: ${names(plan.tools)}.\nInstall with:\n  ${plan.hint.split('\n').join('\n  ')}\n(or set HUIKUAN_NO_INSTALL=1 to go on without them)`,
    );
    process.exit(1);
}
