/**
 * A client for Firefox's built-in Marionette server, the protocol geckodriver itself speaks: each message is its
 * JSON text's length in bytes, a colon, then the JSON. Commands are `[0, id, name, params]`, replies
 * `[1, id, error, result]`; the server first sends a greeting object. Playwright cannot drive a stock Firefox and
 * Debian ships no geckodriver, so the Firefox browser tests talk to Marionette directly.
 * Command names and parameters: Firefox's remote/marionette/driver.sys.mjs.
 */
import { connect, type Socket } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  name: string;
}

export class Marionette {
  private buf = Buffer.alloc(0);
  private nextId = 0;
  private pending = new Map<number, Pending>();
  private greeted!: Promise<void>;
  private closed = false;

  private constructor(private sock: Socket) {
    this.greeted = new Promise((resolve, reject) => {
      const onGreeting = (g: unknown) =>
        g && typeof g === 'object' && 'marionetteProtocol' in g
          ? resolve()
          : reject(new Error(`not Marionette: ${JSON.stringify(g)}`));
      this.onGreeting = onGreeting;
      sock.once('error', reject);
    });
    sock.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.drain();
    });
    sock.on('close', () => {
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new Error(`Marionette closed during ${p.name}`));
      this.pending.clear();
    });
  }

  private onGreeting: (g: unknown) => void = () => undefined;

  static async connect(port: number): Promise<Marionette> {
    const sock = connect(port, '127.0.0.1');
    const m = new Marionette(sock);
    await m.greeted;
    return m;
  }

  private drain(): void {
    for (;;) {
      const colon = this.buf.indexOf(0x3a);
      if (colon < 0) return;
      const len = Number(this.buf.subarray(0, colon).toString('ascii'));
      if (this.buf.length < colon + 1 + len) return;
      const msg = JSON.parse(this.buf.subarray(colon + 1, colon + 1 + len).toString('utf8')) as unknown;
      this.buf = this.buf.subarray(colon + 1 + len);
      if (!Array.isArray(msg)) {
        this.onGreeting(msg);
        continue;
      }
      const [, id, error, result] = msg as [number, number, { error: string; message: string } | null, unknown];
      const p = this.pending.get(id);
      if (!p) continue;
      this.pending.delete(id);
      if (error) p.reject(new Error(`${p.name}: ${error.error}: ${error.message}`));
      else p.resolve(result);
    }
  }

  /** Sends one command and resolves with its result (errors are thrown with the command's name). */
  command<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`Marionette closed before ${name}`));
    const id = ++this.nextId;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    this.sock.write(`${body.length}:`);
    this.sock.write(body);
    return new Promise<T>((resolve, reject) =>
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, name }),
    );
  }

  close(): void {
    this.sock.destroy();
  }
}

/** A WebDriver session over Marionette, with the handful of commands the tests use. */
export class Session {
  constructor(readonly m: Marionette) {}

  static async start(m: Marionette): Promise<Session> {
    // Marionette takes the capabilities as the parameters themselves (geckodriver unwraps W3C's alwaysMatch into this).
    await m.command('WebDriver:NewSession', { acceptInsecureCerts: true });
    await m.command('WebDriver:SetTimeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
    return new Session(m);
  }

  /** 'chrome' reaches the browser window itself (toolbar, sidebar, add-on manager); 'content' the pages. */
  async context(c: 'chrome' | 'content'): Promise<void> {
    await this.m.command('Marionette:SetContext', { value: c });
  }

  /**
   * Runs `body` as an async function in the current context and frame (`args` as `arguments`) and returns its value,
   * which must be JSON. A throw inside is rethrown here with its message.
   */
  async run<T = unknown>(body: string, ...args: unknown[]): Promise<T> {
    const script = `const done = arguments[arguments.length - 1];
      const args = Array.prototype.slice.call(arguments, 0, -1);
      (async function () { ${body} }).apply(null, args)
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack ? e + '\\n' + e.stack : e) }));`;
    const r = await this.m.command<{ value: { ok?: T; err?: string } | null }>('WebDriver:ExecuteAsyncScript', {
      script,
      args,
    });
    if (r.value?.err) throw new Error(`in the browser: ${r.value.err}`);
    return r.value?.ok as T;
  }

  async navigate(url: string): Promise<void> {
    await this.m.command('WebDriver:Navigate', { url });
  }

  async handle(): Promise<string> {
    return (await this.m.command<{ value: string }>('WebDriver:GetWindowHandle')).value;
  }

  async handles(): Promise<string[]> {
    // The one command whose result is the bare list.
    return this.m.command<string[]>('WebDriver:GetWindowHandles');
  }

  /** Opens a new tab (or window) and returns its handle, without switching to it. */
  async open(type: 'tab' | 'window' = 'tab'): Promise<string> {
    return (await this.m.command<{ handle: string }>('WebDriver:NewWindow', { type })).handle;
  }

  /** Drives that tab from now on; `focus` also selects it (which closes an open toolbar popup). */
  async switchTo(handle: string, focus = true): Promise<void> {
    await this.m.command('WebDriver:SwitchToWindow', { handle, focus });
  }

  /** Closes the current tab; switch to another handle afterwards. */
  async closeTab(): Promise<void> {
    await this.m.command('WebDriver:CloseWindow');
  }

  /** Into a frame of the current document by index (frames inside closed shadow roots count too), or back to the top. */
  async frame(index: number | null): Promise<void> {
    await this.m.command('WebDriver:SwitchToFrame', index === null ? {} : { id: index });
  }

  async find(css: string): Promise<string> {
    const r = await this.m.command<{ value: Record<string, string> }>('WebDriver:FindElement', {
      using: 'css selector',
      value: css,
    });
    return r.value[ELEMENT] ?? Object.values(r.value)[0];
  }

  /** A real click (trusted mouse events at the element's centre): it counts as a user gesture. */
  async click(css: string): Promise<void> {
    await this.m.command('WebDriver:ElementClick', { id: await this.find(css) });
  }

  /** Types into the element (trusted key events). */
  async type(css: string, text: string): Promise<void> {
    await this.m.command('WebDriver:ElementSendKeys', { id: await this.find(css), text });
  }

  /** Presses a key chord with trusted key events in the current context, e.g. ['Alt', 'Shift', 'h']. */
  async chord(keys: string[]): Promise<void> {
    const code: Record<string, string> = { Alt: '\uE00A', Shift: '\uE008', Control: '\uE009', Meta: '\uE03D' };
    const down = keys.map((k) => ({ type: 'keyDown', value: code[k] ?? k }));
    const up = [...keys].reverse().map((k) => ({ type: 'keyUp', value: code[k] ?? k }));
    await this.m.command('WebDriver:PerformActions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }],
    });
    await this.m.command('WebDriver:ReleaseActions');
  }

  async quit(): Promise<void> {
    await this.m.command('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    this.m.close();
  }
}
