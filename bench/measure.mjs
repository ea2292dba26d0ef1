// Runs one build as a child process and measures it: wall time, CPU time and peak RSS come
// from GNU time (getrusage of the child, so worker threads are included), pages from the
// output folder.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

const TIME = "/usr/bin/time";

export function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

export async function measure(command, args, { cwd, env } = {}) {
  const report = join(cwd, `.time-${process.pid}`);
  const useTime = existsSync(TIME);
  const start = performance.now();
  const child = useTime
    ? spawn(TIME, ["-f", "%e %U %S %M", "-o", report, command, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let peakKb = 0;
  // Without GNU time, poll the child's high-water mark instead.
  const poll = useTime ? undefined : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {}
  }, 50);
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (poll) clearInterval(poll);
  let wall = (performance.now() - start) / 1000;
  let cpu = NaN;
  if (useTime && existsSync(report)) {
    const [e, u, s, m] = readFileSync(report, "utf8").trim().split("\n").pop().split(" ").map(Number);
    wall = e;
    cpu = u + s;
    peakKb = m;
    rmSync(report, { force: true });
  }
  return { ok: code === 0, code, wall, cpu, rssMb: peakKb / 1024, output };
}

/** HTML pages and all files under `dir`. */
export function countOutput(dir) {
  let html = 0;
  let files = 0;
  if (!existsSync(dir)) return { html, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".html")) html++;
  }
  return { html, files };
}

export function load() {
  return loadavg().map((n) => n.toFixed(1)).join(" ");
}
