import { Alert, List } from '@mantine/core';
import { errorMessage, fieldErrorsOf, unplacedErrors } from '../problem';

interface Props {
  error: unknown;
  /** field paths the form shows next to their inputs */
  placed?: string[];
  title?: string;
}

/** The problem's detail, plus any field error no input on the form shows. */
export function FormError({ error, placed = [], title = 'Not saved' }: Props) {
  if (!error) return null;
  const rest = unplacedErrors(fieldErrorsOf(error), placed);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
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
