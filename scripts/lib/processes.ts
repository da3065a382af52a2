import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Child processes started by a script, stopped together on exit or Ctrl-C. */
const children = new Set<ChildProcess>();
/** The last lines each child printed, quiet or not: what a failure to start reports. */
const recent = new WeakMap<ChildProcess, string[]>();
const RECENT_LINES = 40;

export const recentOutput = (child: ChildProcess): string => (recent.get(child) ?? []).join('\n');

export function startProcess(command: string, args: string[], options: SpawnOptions & { label: string; quiet?: boolean }): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  children.add(child);
  const prefix = `[${options.label}] `;
  const lines: string[] = [];
  recent.set(child, lines);
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > RECENT_LINES) lines.shift();
      if (!options.quiet) stream.write(prefix + line + '\n');
    }
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops a process and everything it started (it leads its own process group). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {}
  }, 5000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopProcess));
}

/** Runs a command to completion, failing with its output when it exits non-zero. */
export function run(command: string, args: string[], options: SpawnOptions & { label: string; quiet?: boolean } = { label: command }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => {
      output += c;
      if (!options.quiet) process.stdout.write(c);
    });
    child.stderr?.on('data', (c: Buffer) => {
      output += c;
      if (!options.quiet) process.stderr.write(c);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${options.label} exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return res;
      lastError = new Error(`${url} answered ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s: ${(lastError as Error)?.message}`);
}
