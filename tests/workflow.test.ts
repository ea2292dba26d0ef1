import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./helpers.js";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

/**
 * Runs the shell steps of .github/workflows/deploy.yml in a copy of the project, with the
 * value GitHub Pages would give for the base URL, and checks the folder it uploads: the
 * workflow is a working example, not just text.
 */
describe(".github/workflows/deploy.yml", () => {
  it("checks, builds under the Pages base URL and uploads the built site", async () => {
    const workflow = parse(await readFile(join(ROOT, ".github", "workflows", "deploy.yml"), "utf8")) as {
      permissions: Record<string, string>;
      jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
    };
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const steps = workflow.jobs.build.steps;
    const uses = steps.map((s) => s.uses?.split("@")[0]).filter(Boolean);
    expect(uses).toEqual(["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact"]);
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.steps[0]!.uses).toMatch(/^actions\/deploy-pages@/);

    const dir = await mkdtemp(join(tmpdir(), "dateline-workflow-"));
    for (const name of ["articles", "templates", "public", "bin", "lib", "package.json", "dateline.config.json"]) {
      await cp(join(ROOT, name), join(dir, name), { recursive: true });
    }
    await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"));
    const pagesBaseUrl = "https://newsroom.github.io/archive"; // configure-pages gives no trailing slash
    for (const step of steps) {
      if (!step.run || step.run === "npm ci") continue; // dependencies are installed already
      const command = step.run.replaceAll("${{ steps.pages.outputs.base_url }}", pagesBaseUrl);
      const result = await new Promise<{ code: number; output: string }>((done) =>
        execFile("bash", ["-euo", "pipefail", "-c", command], { cwd: dir, env: { ...process.env, TZ: "UTC" } }, (error, stdout, stderr) =>
          done({ code: error ? 1 : 0, output: stdout + stderr })),
      );
      expect(result.output, `step "${step.name}" failed`).not.toContain("::error");
      expect(result.code, `step "${step.name}" failed:\n${result.output}`).toBe(0);
    }
    const uploaded = join(dir, steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.with!.path!);
    expect((await stat(join(uploaded, "index.html"))).isFile()).toBe(true);
    const home = await readFile(join(uploaded, "index.html"), "utf8");
    expect(home).toContain('href="/archive/archive/"');
    expect(home).toContain('<link rel="canonical" href="https://newsroom.github.io/archive/">');
  });
});
