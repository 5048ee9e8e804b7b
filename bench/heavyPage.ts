/**
 * A Salesforce-like single-page app under load, for `npm run bench -- --only=heavy`: about 100,000 DOM nodes
 * (a Lightning record page's highlights panel and a deep body of records, lists and related lists), mutating
 * continuously (text, attributes and subtrees every animation frame), and changing records by pushState every few
 * seconds, the new record's header arriving late as Lightning's does. The page counts its own frames.
 */

export interface HeavyPageOptions {
  /** Nodes to build (elements and text). */
  nodes: number;
  /** Nodes touched per animation frame. */
  mutationsPerFrame: number;
  /** Milliseconds between record changes. */
  routeEveryMs: number;
  /** Record names the route changes cycle through. */
  names: string[];
}

export function heavyPagePath(i: number): string {
  return `/lightning/r/Account/001Dn0000HeAvY${String(i % 1000).padStart(3, '0')}/view`;
}

export function heavyPageHtml(o: HeavyPageOptions): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Loading | Salesforce</title></head><body>
<div class="windowViewMode-normal"><div id="header"></div><div id="body"></div></div>
<script>
(() => {
  const names = ${JSON.stringify(o.names)};
  const body = document.getElementById('body');
  const header = document.getElementById('header');
  // ~100,000 nodes: rows of cells with text, in nested sections, like related lists and a record layout.
  let built = 0;
  const leaves = [];
  while (built < ${o.nodes}) {
    const section = document.createElement('records-record-layout-section');
    for (let r = 0; r < 40 && built < ${o.nodes}; r++) {
      const row = document.createElement('div');
      row.className = 'slds-grid row';
      for (let c = 0; c < 6; c++) {
        const cell = document.createElement('span');
        cell.className = 'cell slds-truncate';
        cell.textContent = 'v' + built;
        row.appendChild(cell);
        leaves.push(cell);
        built += 2;
      }
      section.appendChild(row);
      built++;
    }
    body.appendChild(section);
    built++;
  }
  window.__nodes = built;
  let route = 0;
  function renderHeader(name) {
    header.replaceChildren();
    setTimeout(() => {
      const hl = document.createElement('records-highlights2');
      hl.innerHTML = '<div class="highlights"><div class="primaryFieldRow"><div><div class="slds-media__body"><h1><slot name="primaryField"><lightning-formatted-text slot="primaryField"></lightning-formatted-text></slot></h1></div></div></div></div>';
      hl.querySelector('lightning-formatted-text').textContent = name;
      header.appendChild(hl);
      document.title = name + ' | Account | Salesforce';
    }, 300);
  }
  function nextRoute() {
    route++;
    history.pushState(null, '', ${JSON.stringify(heavyPagePath(0))}.replace('000', String(route % 1000).padStart(3, '0')));
    renderHeader(names[route % names.length]);
  }
  renderHeader(names[0]);
  setInterval(nextRoute, ${o.routeEveryMs});
  // Continuous churn: text, attributes and a few subtrees every frame.
  let tick = 0;
  window.__frames = 0;
  function churn() {
    window.__frames++;
    for (let i = 0; i < ${o.mutationsPerFrame}; i++) {
      const cell = leaves[(tick * 7919 + i * 104729) % leaves.length];
      if (i % 3 === 0) cell.textContent = 'v' + tick + '.' + i;
      else if (i % 3 === 1) cell.setAttribute('data-t', String(tick));
      else { const s = document.createElement('b'); s.textContent = String(i); cell.appendChild(s); if (cell.childNodes.length > 3) cell.removeChild(cell.childNodes[1]); }
    }
    tick++;
    requestAnimationFrame(churn);
  }
  requestAnimationFrame(churn);
})();
</script></body></html>`;
}

/** From a V8 CPU profile: script time of the extension's content scripts and of the page, and the longest run. */
export function attribute(profile: {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string }; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Whether a node's stack includes extension code (a page callback our code triggered counts as ours too).
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const v = n.callFrame.url.includes('content-scripts/') || (parent.has(id) && isOurs(parent.get(id)!));
    ours.set(id, v);
    return v;
  };
  let extension = 0;
  let busy = 0;
  /** Self time of the extension's hottest frames: "function (line)". */
  const hot = new Map<string, number>();
  let run = 0;
  let longestRun = 0;
  let runStack: string[] = [];
  let longestStack: string[] = [];
  const stackOf = (id: number): string => {
    const names: string[] = [];
    for (let n: number | undefined = id; n !== undefined && names.length < 6; n = parent.get(n))
      names.push(byId.get(n)!.callFrame.functionName || '(anon)');
    return names.join('<');
  };
  profile.samples?.forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const fn = byId.get(id)!.callFrame.functionName;
    if (fn === '(idle)') {
      run = 0;
      return;
    }
    busy += dt;
    if (isOurs(id)) {
      extension += dt;
      const cf = byId.get(id)!.callFrame as { functionName: string; url: string; lineNumber?: number };
      const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber ?? ''}:${(cf as { columnNumber?: number }).columnNumber ?? ''}`;
      hot.set(key, (hot.get(key) ?? 0) + dt);
      run += dt;
      const st = stackOf(id);
      if (runStack[runStack.length - 1] !== st) runStack.push(st);
      if (run > longestRun) {
        longestRun = run;
        longestStack = runStack.slice(0, 12);
      }
    } else {
      run = 0;
      runStack = [];
    }
  });
  const hottest = [...hot]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`);
  return {
    extensionMs: extension,
    pageMs: busy - extension,
    longestExtensionRunMs: longestRun,
    hottest,
    longestRunStacks: longestStack,
  };
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string } };
}

/**
 * From a Chrome trace (categories devtools.timeline and toplevel): the content script's own tasks — every
 * top-level FunctionCall into its file — in wall time and in the main thread's CPU time (`tdur`), and the main
 * thread's CPU time overall. On a shared machine the wall time of a task includes the time the thread was
 * descheduled (a 12 ms read measured 175 ms at load average 15 on two cores); the thread time does not.
 */
export function traceTasks(events: TraceEvent[], scriptPart = 'content-scripts/') {
  const ours = events
    .filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.args?.data?.url?.includes(scriptPart))
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of ours) {
    if (e.ts < end) continue; // nested in one of ours
    top.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  // The page's main thread: the one running most script (the page's own animation frames).
  const calls = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FunctionCall') calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const [pid, tid] = main.split(':').map(Number);
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const wall = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const mainCpuMs = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === tid && e.pid === pid)
    .reduce((s, e) => s + cpu(e), 0);
  const ownCpuMs = top.reduce((s, e) => s + cpu(e), 0);
  return {
    tasks: top.length,
    cpuMs: ownCpuMs,
    wallMs: top.reduce((s, e) => s + wall(e), 0),
    maxCpuMs: Math.max(0, ...top.map(cpu)),
    maxWallMs: Math.max(0, ...top.map(wall)),
    over50Cpu: top.filter((e) => cpu(e) > 50).length,
    over50Wall: top.filter((e) => wall(e) > 50).length,
    /** The page's own CPU time on the main thread (its tasks minus ours). */
    pageCpuMs: mainCpuMs - ownCpuMs,
  };
}
