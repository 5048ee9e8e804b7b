/**
 * The heavy-page benchmark's trace reading (bench/heavyPage.ts): the content script's tasks are its top-level
 * calls on the page's main thread, in wall and CPU time, and the page's CPU time is the rest of that thread's.
 */
import { traceTasks, type TraceEvent } from '../../../bench/heavyPage';

const CS = 'chrome-extension://abc/content-scripts/crm.js';
const call = (ts: number, dur: number, tdur: number, url: string, tid = 1): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
  pid: 7,
  tid,
  args: { data: { url } },
});
const task = (ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
  pid: 7,
  tid,
});

test('counts top-level calls into the content script, in wall and CPU time, against the main thread', () => {
  const events = [
    task(0, 100, 40),
    call(0, 100, 40, 'https://x.lightning.force.com/app.js'),
    task(200, 90, 10),
    call(200, 90, 10, CS),
    call(210, 5, 2, CS), // a nested call is part of the first
    task(400, 20, 20),
    call(400, 20, 20, CS),
    task(500, 30, 30),
    call(500, 30, 30, 'https://x.lightning.force.com/app.js'),
    call(0, 500, 500, 'https://other/', 2), // another thread, fewer calls: not the page's main thread
  ];
  const r = traceTasks(events);
  expect(r.tasks).toBe(2);
  expect(r.cpuMs).toBe(30);
  expect(r.wallMs).toBe(110);
  expect(r.maxCpuMs).toBe(20);
  expect(r.maxWallMs).toBe(90);
  expect(r.over50Wall).toBe(1);
  expect(r.over50Cpu).toBe(0);
  expect(r.pageCpuMs).toBe(100 - 30);
});
