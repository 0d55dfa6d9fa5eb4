/** The problems a loader reported through its error type, or [] when it accepted the input. */
export function problemsFrom(load: () => unknown, errorType: new (...args: never[]) => Error & { problems: string[] }): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof errorType) return error.problems;
    throw error;
  }
  return [];
}
