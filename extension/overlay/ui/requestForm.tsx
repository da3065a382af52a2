import { useState } from 'preact/hooks';

/**
 * An overlay form's submit: keeps the page from navigating, runs the request to the
 * background, and keeps its refusal (thrown by askBackground) as the error to show.
 */
export function useRequestForm(request: () => Promise<void>): { error: string | null; onSubmit: (e: Event) => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await request();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return { error, onSubmit };
}

/** The refusal of a form's request, announced to screen readers. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="error">
      {error}
    </p>
  ) : null;
}
