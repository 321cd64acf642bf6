/**
 * How people type school names: "St John's" for "St John’s", "st. johns", "St Mary & St Paul"
 * for "St Mary and St Paul", "Ecole" for "École". Two names match when their keys are equal;
 * what is stored keeps the official spelling.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, '') // apostrophes, straight or curly
    .replace(/&/g, ' and ')
    .replace(/\bst\./g, 'st')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
