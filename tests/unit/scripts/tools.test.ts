import { type System, planTools, tools } from '../../../scripts/tools';

const debianRoot = (over: Partial<System> = {}): System => ({
  platform: 'linux',
  distro: ['debian'],
  isRoot: true,
  passwordlessSudo: false,
  env: {},
  found: new Set(),
  ...over,
});

describe('what the demo and the tests install', () => {
  it('installs every missing tool on Debian as root, with apt-get', () => {
    const p = planTools('test', debianRoot());
    expect(p.action).toBe('install');
    if (p.action !== 'install') return;
    expect(p.tools.map((t) => t.debian)).toEqual(['chromium', 'firefox-esr', 'faketime', 'fonts-noto-cjk']);
    expect(p.command.join(' ')).toMatch(
      /^sh -c apt-get update -qq && +DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr faketime fonts-noto-cjk$/,
    );
  });

  it('uses password-less sudo when not root, and installs only what is missing', () => {
    const p = planTools(
      'test',
      debianRoot({
        isRoot: false,
        passwordlessSudo: true,
        distro: ['ubuntu', 'debian'],
        found: new Set(['chromium', 'firefox', 'cjk-fonts']),
      }),
    );
    expect(p.action === 'install' && p.command[2]).toBe(
      'sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime',
    );
  });

  it('the demo needs no faketime', () => {
    expect(planTools('demo', debianRoot({ found: new Set(['chromium', 'cjk-fonts']) }))).toEqual({ action: 'none' });
    expect(planTools('test', debianRoot({ found: new Set(['chromium', 'cjk-fonts']) })).action).toBe('install'); // faketime, firefox-esr
  });

  it('without permission it gives the exact command and does not install', () => {
    const p = planTools(
      'test',
      debianRoot({ isRoot: false, passwordlessSudo: false, found: new Set(['cjk-fonts', 'firefox']) }),
    );
    expect(p).toEqual({
      action: 'instruct',
      tools: tools.filter((t) => ['chromium', 'faketime'].includes(t.id)),
      hint: 'sudo apt-get update && sudo apt-get install -y chromium faketime',
    });
  });

  it('on macOS and Windows it says what to run there', () => {
    const mac = planTools('demo', debianRoot({ platform: 'darwin', distro: [], found: new Set(['cjk-fonts']) }));
    expect(mac).toMatchObject({ action: 'instruct', hint: 'brew install --cask chromium' });
    const win = planTools(
      'test',
      debianRoot({ platform: 'win32', distro: [], found: new Set(['cjk-fonts', 'firefox']) }),
    );
    expect(win).toMatchObject({
      action: 'instruct',
      hint: 'Run the tests under WSL (Debian or Ubuntu), where: sudo apt-get install -y chromium faketime',
    });
  });

  it('honours CHROME_PATH, and HUIKUAN_NO_INSTALL=1 skips installing', () => {
    expect(
      planTools('demo', debianRoot({ env: { CHROME_PATH: '/opt/chromium/chrome' }, found: new Set(['cjk-fonts']) })),
    ).toEqual({ action: 'none' });
    const p = planTools('test', debianRoot({ env: { HUIKUAN_NO_INSTALL: '1' } }));
    expect(p).toMatchObject({
      action: 'skip',
      hint: 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr faketime fonts-noto-cjk',
    });
  });
});
