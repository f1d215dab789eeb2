// Sends each finished participant's response code to the company's own endpoint. SamePage
// dispatches `samepage:complete` on its element (it bubbles and crosses the shadow root) each
// time someone reaches their scorecard; with `data-workshop`, `detail.code` is the code the
// facilitator imports. The same person finishing again sends a code with the same respondent
// number, which replaces their earlier answers at import.
const ENDPOINT = '/api/samepage/codes';
const status = document.getElementById('samepage-sent');

document.addEventListener('samepage:complete', async (event) => {
  const code = event.detail?.code;
  // No code: the element has no data-workshop, or data-results="none".
  if (!code) return;
  try {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      // No cookies: the endpoint should not learn who sent which code (see README.md).
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    status.textContent = 'Your code has reached the workshop team. Thank you!';
  } catch (error) {
    status.textContent =
      `Your code could not be sent (${error.message}). Copy it from the survey above and send it to the workshop team.`;
  }
});
