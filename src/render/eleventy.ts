import { access } from "node:fs/promises";
import { join, relative } from "node:path";
// First: it configures Eleventy, which reads its environment as it loads.
import "./eleventy-env.js";
import { RenderPlugin } from "@11ty/eleventy";
import { DatelineError } from "../errors.js";
import { checkTemplateSyntax, renderFailure, type NunjucksEnvironment } from "./template-errors.js";
import { speedUpNunjucksFrames } from "./nunjucks-frame.js";
import type { TemplateData, TemplateName } from "./views.js";

/**
 * The one module that imports Eleventy. We use Eleventy 3 as the template engine through its
 * Render plugin API (compile a file once, call it per page) rather than as a whole-site build:
 * a full Eleventy build holds every page of the site in memory, which is what runs out of
 * memory at 30–50k pages, and it costs ~1 ms per page in bookkeeping. Compiled layouts
 * rendered on demand let Dateline stream pages to disk as they are made, in bounded memory.
 * Templates are Nunjucks with autoescaping on: every string from an article is escaped
 * unless a template marks a trusted `*Html` field `| safe`.
 */
speedUpNunjucksFrames();

export const TEMPLATE_NAMES: readonly TemplateName[] = ["home", "article", "list", "terms", "entity", "search", "404"];
export const TEMPLATE_EXTENSION = ".njk";

type CompiledTemplate = (data: object) => Promise<string>;

export class TemplateRenderer {
  readonly #compiled = new Map<TemplateName, Promise<CompiledTemplate>>();

  private constructor(
    readonly templatesDir: string,
    private readonly manager: InstanceType<typeof RenderPlugin.RenderManager>,
  ) {}

  static async create(templatesDir: string): Promise<TemplateRenderer> {
    const missing: string[] = [];
    for (const name of TEMPLATE_NAMES) {
      try {
        await access(join(templatesDir, name + TEMPLATE_EXTENSION));
      } catch {
        missing.push(relative(process.cwd(), join(templatesDir, name + TEMPLATE_EXTENSION)));
      }
    }
    if (missing.length) {
      throw new DatelineError(`missing template${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`, {
        hint: "copy them from Dateline's templates/ folder, or point --templates at a folder that has them",
      });
    }
    const manager = new RenderPlugin.RenderManager();
    let environment: NunjucksEnvironment | undefined;
    await manager.config((eleventy) => {
      eleventy.setInputDirectory(templatesDir);
      eleventy.setIncludesDirectory(".");
      eleventy.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      // Eleventy announces the Nunjucks environment it builds (with its filters and tags), so
      // templates can be syntax-checked by the same environment that renders them.
      eleventy.on("eleventy.engine.njk", (event: { environment: NunjucksEnvironment }) => {
        environment = event.environment;
      });
    });
    await manager.init();
    const renderer = new TemplateRenderer(templatesDir, manager);
    await renderer.compile(TEMPLATE_NAMES[0]!, join(templatesDir, TEMPLATE_NAMES[0]! + TEMPLATE_EXTENSION));
    if (!environment) throw new DatelineError("Eleventy did not create its Nunjucks environment", { hint: "this is a bug in Dateline" });
    await checkTemplateSyntax(environment, templatesDir, TEMPLATE_EXTENSION);
    return renderer;
  }

  /**
   * Renders one page; a failure names the template file, line and column, and the page being
   * rendered (`page`: its route, and for an article the source file).
   */
  async render(data: TemplateData, page: string): Promise<string> {
    const name = data.page.template;
    const file = join(this.templatesDir, name + TEMPLATE_EXTENSION);
    try {
      const template = await this.compile(name, file);
      return await template(data);
    } catch (error) {
      throw renderFailure(error, file, page);
    }
  }

  private compile(name: TemplateName, file: string): Promise<CompiledTemplate> {
    let compiled = this.#compiled.get(name);
    if (!compiled) {
      compiled = RenderPlugin.File(file, { templateConfig: this.manager.templateConfig });
      this.#compiled.set(name, compiled);
    }
    return compiled;
  }
}
