/**
 * The only links the widgets make from feed data: http(s) web pages, tel: and mailto:.
 * Anything else (javascript:, data:, vbscript:, relative paths) is shown as text, never linked.
 */
export function safeWebUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** tel: link for a phone number in international form, with its extension (RFC 3966 ";ext="). */
export function telHref(number: string, extension?: string): string | undefined {
  const digits = number.replace(/[\s./()-]/g, '');
  if (!/^\+?[0-9]{6,16}$/.test(digits)) return undefined;
  return `tel:${digits}${extension && /^[0-9]{1,8}$/.test(extension) ? `;ext=${extension}` : ''}`;
}

/** mailto: link for a plain e-mail address, optionally with a subject and a body. */
export function mailtoHref(address: string, subject?: string, body?: string): string | undefined {
  if (!/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(address)) return undefined;
  const fields = [subject ? `subject=${encodeURIComponent(subject)}` : '', body ? `body=${encodeURIComponent(body)}` : ''].filter(Boolean);
  return `mailto:${address}${fields.length ? `?${fields.join('&')}` : ''}`;
}

/** Offers a text file for download, then lets the URL go. */
export function downloadText(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
