/**
 * Teams sends some messages (pasted or formatted text, several lines) as HTML: paragraphs,
 * line breaks and entities. Commands read plain lines, so turn that back into text, keeping the
 * <at> mention tags that command parsing relies on.
 */
export function plainMessageText(text: string | undefined): string | undefined {
  if (!text || !/<(p|br|div|span|strong|em|b|i)\b|&(amp|lt|gt|quot|#39|nbsp);/i.test(text)) return text;
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>\s*/gi, '\n')
    .replace(/<(?!\/?at>)[^>]+>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n+$/, '');
}
