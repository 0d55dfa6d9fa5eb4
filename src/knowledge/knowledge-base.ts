import type { Lang } from '../i18n/language';
import type { AreaId, TopicId } from './catalog';
import type { Area, IntentsFile, TopicFile, TopicText } from './content-schema';
import { ExamCatalog } from './exam-codes';

/** Everything the bot knows, loaded and validated once at startup; read-only afterwards. */
export class KnowledgeBase {
  private readonly topicsById: ReadonlyMap<TopicId, TopicFile>;
  private readonly areasById: ReadonlyMap<AreaId, Area>;

  constructor(
    topics: readonly TopicFile[],
    readonly areas: readonly Area[],
    readonly exams: ExamCatalog,
    readonly intents: IntentsFile,
  ) {
    this.topicsById = new Map(topics.map((t) => [t.id, t]));
    this.areasById = new Map(areas.map((a) => [a.id, a]));
  }

  get topics(): TopicFile[] {
    return [...this.topicsById.values()];
  }

  topic(id: TopicId): TopicFile {
    const topic = this.topicsById.get(id);
    if (!topic) throw new Error(`KnowledgeBase.topic(): unknown topic "${id}"`);
    return topic;
  }

  text(id: TopicId, lang: Lang): TopicText {
    return this.topic(id)[lang];
  }

  area(id: AreaId): Area {
    const area = this.areasById.get(id);
    if (!area) throw new Error(`KnowledgeBase.area(): unknown area "${id}"`);
    return area;
  }
}
