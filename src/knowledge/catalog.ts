/**
 * The fixed topic ids. Tests, feedback, analytics and the `ask` command name topics by these,
 * so content files may not invent new ones.
 */
export const TOPIC_IDS = [
  'credit-overview',
  'credit-eligible-exams',
  'credit-request-steps',
  'credit-verify-badge',
  'credit-verify-transcript',
  'credit-badge-or-transcript',
  'credit-forms',
  'credit-more-info',
  'link-overview',
  'link-admin-roles',
  'partner-university-access',
  'associate-learning-account',
  'link-how',
  'unlink',
  'change-company',
  'left-company',
  'admin-no-response',
  'association-limit',
  'skills-report-delay',
  'support-technical',
  'support-mcid-merge',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

/** What a question can resolve to besides a topic. */
export type Intent = TopicId | 'help' | 'human';

export const AREA_IDS = ['credit', 'linking', 'support'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export const SUPPORT_QUEUES = ['certification-support', 'microsoft-support'] as const;
export type SupportQueue = (typeof SUPPORT_QUEUES)[number];

/** The topic that lists the exams with an NCCRS credit recommendation; exam verdicts cite it. */
export const EXAM_LIST_TOPIC = 'credit-eligible-exams' satisfies TopicId;

/** How a learner proves a certification to Excelsior, and the topic that gives each method's steps. */
export const VERIFY_METHODS = ['badge', 'transcript'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];
export const VERIFY_METHOD_TOPIC: Readonly<Record<VerifyMethod, TopicId>> = {
  badge: 'credit-verify-badge',
  transcript: 'credit-verify-transcript',
};

/** The situations the linking flow offers, in this order; each is answered by the topic of its id. */
export const LINKING_SITUATIONS = [
  'link-how',
  'change-company',
  'left-company',
  'unlink',
  'admin-no-response',
  'association-limit',
  'skills-report-delay',
] as const satisfies readonly TopicId[];
export type LinkingSituation = (typeof LINKING_SITUATIONS)[number];

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
