import { anchorsStage } from './anchors/index.ts';
import { datelineStage } from './facts/dateline.ts';
import { languageStage } from './language/index.ts';
import { normalizeStage } from './normalize/index.ts';
import { Pipeline } from './pipeline.ts';
import { representStage } from './represent/index.ts';
import { scriptStage } from './script/index.ts';
import { segmentStage } from './segment/index.ts';

/**
 * The default pipeline, in order:
 * normalise -> language -> script -> dateline -> segment -> anchors -> represent.
 */
export function createDefaultPipeline(): Pipeline {
  return Pipeline.create([
    normalizeStage,
    languageStage,
    scriptStage,
    datelineStage,
    segmentStage,
    anchorsStage,
    representStage,
  ]);
}
