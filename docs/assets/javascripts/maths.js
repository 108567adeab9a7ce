// Typeset the maths that pymdownx.arithmatex (generic mode) leaves in the page, with the KaTeX
// copy the site hosts itself (docs/assets/vendor/katex/, copied from npm by `nox`).
// KaTeX weighs about 300 KB, so it is fetched only when a page contains maths, and only once per
// visit: Material's instant navigation swaps pages without reloading this script.
(() => {
  const vendor = new URL("../vendor/katex/", document.currentScript.src);
  let ready = null; // resolves to window.katex once the library has loaded

  function loadKatex() {
    if (!ready) {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("katex.min.css", vendor).href;
      document.head.append(css);
      ready = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("katex.min.js", vendor).href;
        script.onload = () => resolve(window.katex);
        script.onerror = () => reject(new Error(`maths.js: cannot load ${script.src}`));
        document.head.append(script);
      });
    }
    return ready;
  }

  document$.subscribe(() => {
    const nodes = document.querySelectorAll(".arithmatex");
    if (!nodes.length) return;
    loadKatex().then((katex) => {
      for (const node of nodes) {
        // arithmatex writes \( … \) inline and \[ … \] for display maths.
        const source = node.textContent.trim();
        try {
          katex.render(source.slice(2, -2), node, {
            displayMode: source.startsWith("\\["),
            throwOnError: true,
          });
        } catch (error) {
          // Leave the TeX readable, and fail the browser tests (they reject console errors).
          console.error(`maths.js: cannot typeset ${source}: ${error.message}`);
        }
      }
    }, (error) => console.error(error.message));
  });
})();
