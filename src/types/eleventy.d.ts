// Eleventy 3 ships no type declarations; this covers the small surface src/render/eleventy.ts uses.
declare module "@11ty/eleventy" {
  export interface EleventyUserConfig {
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    addFilter(name: string, fn: (...args: never[]) => unknown): void;
    on(event: string, callback: (event: never) => void): void;
  }
  export interface TemplateConfig {
    readonly userConfig: EleventyUserConfig;
  }
  export class RenderManager {
    templateConfig: TemplateConfig;
    config(callback: (config: EleventyUserConfig) => void | Promise<void>): unknown;
    init(): Promise<unknown>;
  }
  export const RenderPlugin: {
    RenderManager: typeof RenderManager;
    File(
      inputPath: string,
      options: { templateConfig: TemplateConfig },
      templateLang?: string,
    ): Promise<(data: object) => Promise<string>>;
  };
}
