import { type RefObject, useEffect } from 'react';

/** After a failed save, moves focus to the first input the server rejected. */
export function useFocusFirstError(error: unknown, form: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!error) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    invalid.focus({ preventScroll: true });
    invalid.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error, form]);
}
