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

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
