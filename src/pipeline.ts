import type { AliasLookup } from './anchors/aliases.ts';
import type { Article } from './types.ts';

export type ArticleField = keyof Article;

/**
 * User word lists a pipeline is built with: Chinese words jieba keeps whole (names), and
 * Vietnamese multi-syllable words for syllable grouping. They are fixed when the pipeline is
 * built, so an article is segmented the same way whatever was processed before it.
 */
export interface PipelineResources {
  zhWords?: readonly string[];
  viWords?: readonly string[];
}

/**
 * What a run reads besides the article: state that belongs to the caller (the store's learned
 * aliases), passed in so that `run` is a function of its arguments.
 */
export interface ProcessContext {
  aliases: AliasLookup;
}

/**
 * A pipeline stage: a named, versioned step that reads some fields of the article record and
 * adds others. `init` loads whatever the stage needs once (a model, a dictionary); after it,
 * `run` depends on the article and the context only: nothing a stage reads changes between
 * articles, so the same article always gives the same record.
 */
export interface Stage {
  /** Versioned name, recorded with every event so a result traces to the code that made it. */
  readonly name: string;
  readonly requires: readonly ArticleField[];
  readonly assigns: readonly ArticleField[];
  init?(): Promise<void>;
  run(article: Article, ctx: ProcessContext): Article;
}

/** Fields a reader always provides. */
const INPUT_FIELDS: readonly ArticleField[] = [
  'id',
  'idDerived',
  'title',
  'text',
  'lang',
  'published',
  'url',
  'source',
  'origin',
];

export class Pipeline {
  readonly stages: readonly Stage[];
  private ready = false;

  private constructor(stages: readonly Stage[]) {
    this.stages = stages;
  }

  /** Builds a pipeline, checking that every stage's requirements are assigned earlier. */
  static create(stages: readonly Stage[]): Pipeline {
    const available = new Set<ArticleField>(INPUT_FIELDS);
    for (const stage of stages) {
      const missing = stage.requires.filter((f) => !available.has(f));
      if (missing.length > 0) {
        throw new Error(
          `pipeline stage ${stage.name} requires ${missing.join(', ')}, which no earlier stage assigns`,
        );
      }
      for (const f of stage.assigns) available.add(f);
    }
    return new Pipeline(stages);
  }

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  async init(): Promise<void> {
    if (this.ready) return;
    for (const stage of this.stages) await stage.init?.();
    this.ready = true;
  }

  run(article: Article, ctx: ProcessContext): Article {
    let current = article;
    for (const stage of this.stages) current = stage.run(current, ctx);
    return current;
  }

  /** Runs each stage over the article and reports the time spent per stage (for the bench). */
  runTimed(article: Article, ctx: ProcessContext, timings: Map<string, number>): Article {
    let current = article;
    for (const stage of this.stages) {
      const t0 = performance.now();
      current = stage.run(current, ctx);
      timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
    }
    return current;
  }
}
