import { createAnchorsStage } from './anchors/index.ts';
import { datelineStage } from './facts/dateline.ts';
import { languageStage } from './language/index.ts';
import { multiWordTerms } from './lexicon/pack.ts';
import { normalizeStage } from './normalize/index.ts';
import { Pipeline, type PipelineResources } from './pipeline.ts';
import { representStage } from './represent/index.ts';
import { scriptStage } from './script/index.ts';
import { createSegmentStage, Segmenter } from './segment/index.ts';

/**
 * The default pipeline, in order:
 * normalise -> language -> script -> dateline -> segment -> anchors -> represent.
 * Each pipeline owns its segmenter, built from `resources` and the Vietnamese pack in `init`:
 * two pipelines never share a dictionary.
 */
export function createDefaultPipeline(resources: PipelineResources = {}): Pipeline {
  const segmenter = new Segmenter(resources, () => multiWordTerms('vi'));
  return Pipeline.create([
    normalizeStage,
    languageStage,
    scriptStage,
    datelineStage,
    createSegmentStage(segmenter),
    createAnchorsStage(() => segmenter.chinese),
    representStage,
  ]);
}
