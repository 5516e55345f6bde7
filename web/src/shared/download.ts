import { ApiError, type Problem } from './api';

// Downloads through fetch instead of a plain link, so that when the API
// answers with a problem (a 503 because PDF printing is unavailable, a 404)
// the page can show the problem's detail instead of the browser saving an
// error document or showing "Failed - server problem".

/** The file name of a Content-Disposition header (RFC 6266: filename* wins), or undefined. */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
}

async function problemOf(response: Response): Promise<Partial<Problem> | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/.test(type)) return undefined;
  try {
    return (await response.json()) as Partial<Problem>;
  } catch {
    return undefined;
  }
}

/**
 * Fetches `url` and saves the answer as a file (named by its
 * Content-Disposition, else `fallbackName`). A non-2xx answer throws an
 * ApiError whose message is the problem's detail.
 */
export async function downloadFile(url: string, fallbackName = 'download'): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const blob = await response.blob();
  const name = dispositionFilename(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
