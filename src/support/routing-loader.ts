import { join } from 'node:path';
import { ContentError, parseFile } from '../knowledge/content-loader';
import { routingFileSchema, type RoutingRules } from './routing';

/** content/support-routing.json, validated like the rest of the content. */
export function loadRoutingRules(contentDir: string): RoutingRules {
  const problems: string[] = [];
  const rules = parseFile(join(contentDir, 'support-routing.json'), routingFileSchema, problems);
  if (!rules) throw new ContentError(problems);
  return rules;
}
