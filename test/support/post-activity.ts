/** POSTs a body to the bot's /api/messages as Teams would (JSON), with any extra headers. */
export function postActivity(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
