/**
 * Azure Tables forbids `/ \ # ?` and control characters in PartitionKey and RowKey. Teams ids
 * (`19:abc@thread.tacv2`, `a:1Xy…`, `29:…`) can in principle contain any of them, so keys are
 * percent-encoded for exactly those characters (and `%` itself, so the encoding is reversible).
 */
export function toTableKey(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we escape
  return value.replace(/[%/\\#?\u0000-\u001f\u007f-\u009f]/g, (c) => {
    return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

export function fromTableKey(key: string): string {
  return key.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
