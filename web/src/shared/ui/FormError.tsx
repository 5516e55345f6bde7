import { Alert, List } from '@mantine/core';
import { ApiError } from '../api';
import { errorMessage, fieldErrorsOf, unplacedErrors } from '../problem';

interface Props {
  error: unknown;
  /** field paths the form shows next to their inputs */
  placed?: string[];
  title?: string;
}

/**
 * The problem's detail, plus any field error no input on the form shows. A
 * save that was made although its answer was lost is no failure: it says so
 * in yellow, whatever the form's title for a failure.
 */
export function FormError({ error, placed = [], title = 'Not saved' }: Props) {
  if (!error) return null;
  const rest = unplacedErrors(fieldErrorsOf(error), placed);
  const saved = error instanceof ApiError && error.alreadySaved;
  return (
    <Alert color={saved ? 'yellow' : 'red'} variant="light" title={saved ? 'Already saved' : title} role="alert">
      {errorMessage(error)}
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map(([field, message]) => (
            <List.Item key={field}>
              {field}: {message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
