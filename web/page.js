// The survey page's own script (not part of the embed): turns the page's address into the
// instance's options, and in an iframe (?embed) talks to the page around it.
//   ?embed               no page header, a transparent background, and resize messages;
//   &parent=ORIGIN       also ready/progress/complete, posted to that origin only;
//   &results=none        complete carries no scores;
//   ?kiosk               a shared device: the survey clears itself between people;
//   #join=…              a workshop's participant link: the survey ends with the response
//                        code for the facilitator (data-workshop).
const host = document.querySelector('[data-samepage]');
const query = new URLSearchParams(location.search);
if (query.get('results')?.toLowerCase() === 'none') host.dataset.results = 'none';
if (query.has('kiosk')) host.dataset.kiosk = '';
if (location.hash.startsWith('#join=')) host.dataset.workshop = location.hash.slice(1);
// Another workshop's link opened in this tab (or the link taken away): start again with it.
addEventListener('hashchange', () => location.reload());

if (query.has('embed')) {
  document.documentElement.classList.add('page--embed');
  const parentOrigin = originOf(query.get('parent'));
  const post = (message, origin) => window.parent.postMessage(message, origin);
  if (parentOrigin) {
    for (const type of ['samepage:ready', 'samepage:progress', 'samepage:complete']) {
      host.addEventListener(type, (event) => post({ type, detail: event.detail }, parentOrigin));
    }
  }
  // Only the height, which says nothing about answers, goes to a page not named by parent.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) post({ type: 'samepage:resize', height: (last = height) }, parentOrigin || '*');
  }).observe(document.documentElement);
}

/** `text` when it is exactly an origin (scheme, host, port), else null. */
function originOf(text) {
  try {
    const url = new URL(text);
    return url.origin !== 'null' && url.origin === text ? url.origin : null;
  } catch {
    return null;
  }
}
