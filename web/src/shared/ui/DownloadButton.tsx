import { Button, type ButtonProps } from '@mantine/core';
import { type MouseEvent, type ReactNode, useState } from 'react';
import { downloadFile } from '../download';
import { errorMessage } from '../problem';
import { notify } from './notifications';

interface Props extends Omit<ButtonProps, 'component'> {
  href: string;
  children: ReactNode;
  /** the file name when the answer names none */
  filename?: string;
}

/**
 * A download link (still an <a href download>, so "save link as" works) that
 * fetches the file itself: while it loads the button spins, and when the API
 * answers with a problem (e.g. 503 "PDF export needs Chromium…") its detail
 * is shown as a notification instead of a failed download.
 */
export function DownloadButton({ href, children, filename, ...rest }: Props) {
  const [busy, setBusy] = useState(false);
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    // Let modified clicks (new tab, save as) do what the browser does with a link.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await downloadFile(href, filename);
    } catch (error) {
      notify({
        color: 'red',
        title: `${typeof children === 'string' ? children : 'Download'} is not available`,
        message: errorMessage(error),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button component="a" href={href} download={filename ?? ''} onClick={onClick} loading={busy} {...rest}>
      {children}
    </Button>
  );
}
