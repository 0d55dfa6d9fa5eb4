import { z } from 'zod';
import { AREA_IDS, SUPPORT_QUEUES, TOPIC_IDS } from './catalog';

const text = z.string().trim().min(1);

const httpsUrl = z.string().regex(/^https:\/\/[^\s]+$/, 'must be an https:// link');

/**
 * Where a topic's facts come from and how old they are: every answer card shows it, so a user
 * and a support agent know the date of each step. A topic without it does not load.
 */
export const sourceSchema = z.strictObject({
  /** The source document's title, as a reader would look it up, in each language. */
  en: text.max(200),
  fr: text.max(200),
  /** Year and month of the source: the documents give no finer date. */
  date: z.string().regex(/^(?:19|20)\d\d-(?:0[1-9]|1[0-2])$/, 'must be a year and month, YYYY-MM'),
  /** Today's official page on the subject, where names or screens changed after the source. */
  current: httpsUrl.optional(),
});

/** Web links must be https; e-mail links are mailto:. */
export const linkSchema = z.strictObject({
  title: text,
  url: z.string().refine((u) => /^https:\/\/[^\s]+$/.test(u) || /^mailto:[^\s@]+@[^\s@]+$/.test(u), {
    message: 'must be an https:// link or a mailto: address',
  }),
});

export const topicTextSchema = z.strictObject({
  /** Shown on menu buttons and as the card title. */
  title: text.max(80),
  /** The short answer, always shown first. */
  summary: text,
  /** Numbered steps, when the answer is a procedure. */
  steps: z.array(text).optional(),
  /** Further facts shown as a bulleted list after the steps. */
  notes: z.array(text).optional(),
  links: z.array(linkSchema).optional(),
  /** Example questions the recognizer learns from. */
  questions: z.array(text).min(3),
});

export const topicFileSchema = z.strictObject({
  id: z.enum(TOPIC_IDS),
  area: z.enum(AREA_IDS),
  related: z.array(z.enum(TOPIC_IDS)).max(4).default([]),
  /** Topics whose answer is "contact support" name the queue that handles them. */
  escalatesTo: z.enum(SUPPORT_QUEUES).optional(),
  source: sourceSchema,
  en: topicTextSchema,
  fr: topicTextSchema,
});

const areaTextSchema = z.strictObject({ title: text.max(60), description: text });

export const areasFileSchema = z.array(
  z.strictObject({
    id: z.enum(AREA_IDS),
    topics: z.array(z.enum(TOPIC_IDS)).min(1),
    en: areaTextSchema,
    fr: areaTextSchema,
  }),
);

export const examsFileSchema = z.strictObject({
  /** The exams that carry an NCCRS credit recommendation. */
  eligible: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z]{2}-\d{3}$/),
        name: text,
        /** Retired by Microsoft since the list was published; the verdict says so. */
        retired: z.boolean().default(false),
      }),
    )
    .min(1),
});

export type TopicFile = z.infer<typeof topicFileSchema>;
export type TopicText = z.infer<typeof topicTextSchema>;
export type AreasFile = z.infer<typeof areasFileSchema>;
export type Area = AreasFile[number];
export type ExamsFile = z.infer<typeof examsFileSchema>;
export type EligibleExam = ExamsFile['eligible'][number];

const phrases = z.strictObject({ en: z.array(text.max(60)).min(1), fr: z.array(text.max(60)).min(1) });

/** Example phrases for the conversational intents, which have no answer card of their own. */
export const intentsFileSchema = z.strictObject({
  help: z.strictObject({ en: z.array(text).min(3), fr: z.array(text).min(3) }),
  human: z.strictObject({ en: z.array(text).min(3), fr: z.array(text).min(3) }),
  /** Words that, next to an exam code, make the question about something other than credit. */
  examOffTopic: z.array(text).min(1),
  /** Words that put any question out of scope, exam code or not: no topic is about money. */
  offTopic: z.array(text).optional(),
  /** Questions the bot must not answer, though they share its words (exam prices, other programs). */
  outOfScope: z.strictObject({ en: z.array(text), fr: z.array(text) }).optional(),
  /** Whole short messages that are politeness, not questions: answered kindly, never counted as failures. */
  smallTalk: z.strictObject({ thanks: phrases, acknowledge: phrases, goodbye: phrases }),
  /** Typed answers to a yes/no question the bot asked. */
  confirm: z.strictObject({ yes: phrases, no: phrases }),
});
export type IntentsFile = z.infer<typeof intentsFileSchema>;
