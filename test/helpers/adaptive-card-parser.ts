import * as AC from 'adaptivecards';

/** The Adaptive Cards parser's complaints about a card (unknown elements, bad values, duplicate ids); empty when valid. */
export function cardProblems(card: unknown): string[] {
  // adaptivecards 3.0.6 checks `lang` with a /g regex and exec(), so its lastIndex leaks from one
  // card to the next. Reset it: the check itself stays.
  const pattern = AC.CardElement.langProperty.regEx;
  if (pattern) pattern.lastIndex = 0;
  const adaptive = new AC.AdaptiveCard();
  const errors: string[] = [];
  const context = new AC.SerializationContext();
  adaptive.parse(card as never, context);
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of adaptive.validateProperties().validationEvents) errors.push(event.message);
  return errors;
}
