import { BabelwireError } from '../errors.ts';
import { eventFacts } from '../facts/index.ts';
import type { StoredEvent, StoreReader } from '../store/index.ts';
import { buildStories, type Story, type StoryEventInput } from '../stories/index.ts';
import { eventRow } from './events.ts';
import type { TimelineView } from './types.ts';

/**
 * Stories from the stored events, with the events by id. An event keeps its story keys
 * (schema 3), so its articles are read only for an event stored before, whose keys are null:
 * on a current store this reads the event table alone.
 */
async function storiesWithEvents(
  store: StoreReader,
): Promise<{ stories: Story[]; events: Map<string, StoredEvent> }> {
  const events = await store.listEvents();
  const inputs: StoryEventInput[] = [];
  for (const event of events) {
    const anchors =
      event.storyKeys === null ? (await store.eventArticles(event.id)).map((a) => a.anchors) : [];
    inputs.push({ event, anchors });
  }
  return { stories: buildStories(inputs), events: new Map(events.map((e) => [e.id, e])) };
}

/** Every story (events that continue one another), latest first. */
export async function storiesView(store: StoreReader): Promise<Story[]> {
  return (await storiesWithEvents(store)).stories;
}

/** One story; throws E_NOT_FOUND for an unknown id. */
export async function storyView(store: StoreReader, storyId: string): Promise<Story> {
  const story = (await storiesView(store)).find((s) => s.id === storyId);
  if (!story) throw new BabelwireError('E_NOT_FOUND', 'story', storyId);
  return story;
}

/**
 * A story's events in date order, each with its type and figures (read from its reports).
 * Throws E_NOT_FOUND for an unknown story id.
 */
export async function timelineView(store: StoreReader, storyId: string): Promise<TimelineView> {
  const { stories, events } = await storiesWithEvents(store);
  const story = stories.find((s) => s.id === storyId);
  if (!story) throw new BabelwireError('E_NOT_FOUND', 'story', storyId);
  const timeline: TimelineView['events'] = [];
  for (const eventId of story.eventIds) {
    // Built from these very events, so each is there.
    const event = events.get(eventId)!;
    const facts = eventFacts(await store.eventArticles(eventId));
    timeline.push({ ...eventRow(event), type: facts.type, figures: facts.figures });
  }
  return { ...story, events: timeline };
}
