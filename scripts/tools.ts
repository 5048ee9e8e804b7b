/**
 * What `npm run demo`, `npm test` and .ci/run need from the system, and what to do when it is missing: install it
 * (Debian/Ubuntu with root or password-less sudo), or say the exact command for this system and stop. The decision
 * is a pure function (`planTools`) so a unit test can cover every branch; scripts/ensure-tools.ts does the probing
 * and the installing.
 */

export type Purpose = 'demo' | 'test';

export interface Tool {
  id: 'chromium' | 'firefox' | 'faketime' | 'cjk-fonts';
  /** Why the project needs it, said in the one-line notice. */
  why: string;
  debian: string;
  brew?: string;
  /** An environment variable that points at the tool instead (then it is never installed). */
  override?: string;
  purposes: Purpose[];
}

export const tools: Tool[] = [
  {
    id: 'chromium',
    why: 'the browser the extension runs in for the demo and the browser tests',
    debian: 'chromium',
    brew: 'brew install --cask chromium',
    override: 'CHROME_PATH',
    purposes: ['demo', 'test'],
  },
  {
    id: 'firefox',
    why: 'the Firefox browser tests',
    debian: 'firefox-esr',
    brew: 'brew install --cask firefox',
    override: 'FIREFOX_PATH',
    purposes: ['test'],
  },
  {
    id: 'faketime',
    why: 'pins the clock for the browser tests and the moved-clock unit runs',
    debian: 'faketime',
    brew: 'brew install libfaketime',
    purposes: ['test'],
  },
  {
    id: 'cjk-fonts',
    why: 'renders Chinese text in screenshots',
    debian: 'fonts-noto-cjk',
    brew: 'brew install --cask font-noto-sans-cjk-sc',
    purposes: ['demo', 'test'],
  },
];

export interface System {
  platform: NodeJS.Platform;
  /** /etc/os-release's ID and ID_LIKE, lower-case (empty elsewhere). */
  distro: string[];
  isRoot: boolean;
  passwordlessSudo: boolean;
  env: Record<string, string | undefined>;
  /** Tool ids found on this machine (or pointed at by their override). */
  found: Set<Tool['id']>;
}

export type ToolPlan =
  | { action: 'none' }
  | { action: 'install'; command: string[]; tools: Tool[] }
  | { action: 'skip'; tools: Tool[]; hint: string }
  | { action: 'instruct'; tools: Tool[]; hint: string };

const isDebianLike = (s: System) => s.platform === 'linux' && s.distro.some((d) => d === 'debian' || d === 'ubuntu');

/** The exact command a person would type on this system for these tools. */
export function installHint(s: System, missing: Tool[]): string {
  if (isDebianLike(s))
    return `sudo apt-get update && sudo apt-get install -y ${missing.map((t) => t.debian).join(' ')}`;
  if (s.platform === 'darwin') return missing.map((t) => t.brew ?? `# ${t.id}: no Homebrew package`).join('\n');
  if (s.platform === 'win32')
    return (
      'Run the tests under WSL (Debian or Ubuntu), where: sudo apt-get install -y ' +
      missing.map((t) => t.debian).join(' ')
    );
  return (
    `Install with your package manager: ${missing.map((t) => t.debian).join(', ')}` +
    ' (the Debian package names), or set CHROME_PATH to a Chromium binary.'
  );
}

export function planTools(purpose: Purpose, s: System): ToolPlan {
  const missing = tools.filter(
    (t) => t.purposes.includes(purpose) && !s.found.has(t.id) && !(t.override && s.env[t.override]),
  );
  if (!missing.length) return { action: 'none' };
  const hint = installHint(s, missing);
  if (s.env.HUIKUAN_NO_INSTALL === '1') return { action: 'skip', tools: missing, hint };
  if (isDebianLike(s) && (s.isRoot || s.passwordlessSudo)) {
    const sudo = s.isRoot ? [] : ['sudo', '-n'];
    return {
      action: 'install',
      tools: missing,
      command: [
        'sh',
        '-c',
        `${sudo.join(' ')} apt-get update -qq && ${sudo.join(' ')} DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.map((t) => t.debian).join(' ')}`.replace(
          /^ +/,
          '',
        ),
      ],
    };
  }
  return { action: 'instruct', tools: missing, hint };
}
