import { Channels, TeamsInfo, type TurnContext } from 'botbuilder';

/**
 * The user's e-mail from their Teams profile, to prefill the support form. Other channels do
 * not give it; a slow or failing lookup just leaves the field for the user to fill.
 */
export async function lookupTeamsEmail(context: TurnContext, timeoutMs = 3000): Promise<string | undefined> {
  if (context.activity.channelId !== Channels.Msteams) return undefined;
  const lookup = TeamsInfo.getMember(context, context.activity.from.id).then((m) => m.email ?? m.userPrincipalName ?? undefined);
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs).unref());
  return Promise.race([lookup.catch(() => undefined), timeout]);
}
