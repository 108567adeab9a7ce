/* Hidden State quiz component (format and design: CONTRIBUTING.md).
 * .hs-quiz: multiple choice, data-key="C"; .hs-blanks: code blanks __N__, data-key="1=A 2=C".
 * The key is read from data-key (proved by tests/engine/quiz.py), and only there: each
 * Solution ends with a "Final answer" line built from it.
 * Without this script the Markdown stays readable, with the solutions collapsed.
 * Progress is kept per page in localStorage. No network, no eval, no inline handlers. */
(() => {
  "use strict";
  if (window.hsQuiz) return; // included twice: the first copy does the work
  window.hsQuiz = true;

  const TRIES = 3;
  const LETTERS = "ABCDEFGH";

  const make = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  };
  const button = (cls, text) => Object.assign(make("button", cls, text), { type: "button" });
  const status = (cls) => {
    const node = make("p", cls); // a live region: screen readers announce what it says
    node.setAttribute("role", "status");
    return node;
  };
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  // Direct children only: a Solution holds lists, tables and code of its own.
  const child = (box, selector) => [...box.children].find((node) => node.matches(selector));

  let generation = 0; // a new page (instant navigation) stops the building of the last one

  function setupPage() {
    const boxes = [...document.querySelectorAll(".hs-quiz[id][data-key], .hs-blanks[id][data-key]")]
      // document$ emits once per page, but never bind one element twice
      .filter((box) => !box.hasAttribute("data-hs-ready"));
    if (!boxes.length) return;

    const storeKey = `hs-quiz:${location.pathname}`;
    const page = { answers: {} };
    try {
      page.answers = JSON.parse(localStorage.getItem(storeKey)) || {};
    } catch {
      // storage blocked or garbled: start afresh, the quiz still works
    }

    const count = status("hs-count");
    const reset = button("hs-button hs-reset", "Reset answers");
    const bar = make("div", "hs-progress");
    bar.append(count, reset);
    // After the last question: added above them, it would push what the reader sees down.
    boxes[boxes.length - 1].after(bar);

    const showCount = () => {
      const answered = page.items.filter((item) => item.answered()).length;
      const correct = page.items.filter((item) => item.correct()).length;
      count.textContent = `${answered} of ${page.items.length} answered, ${correct} correct`;
    };
    page.changed = () => {
      try {
        localStorage.setItem(storeKey, JSON.stringify(page.answers));
      } catch {
        // private mode or full: progress is simply not kept
      }
      showCount();
    };
    // Each item knows its state from the stored answers at once (the count is right from the
    // start); building its buttons and menus waits for the main thread, a few at a time, so
    // that a long quiz never blocks the page in one long task.
    page.items = boxes.map((box) => (box.classList.contains("hs-quiz") ? choice : blanks)(box, page));
    reset.addEventListener("click", () => {
      page.answers = {};
      page.items.forEach((item) => item.render());
      page.changed();
    });
    showCount();

    const mine = ++generation;
    let next = 0;
    const build = () => {
      const start = performance.now();
      while (next < boxes.length && mine === generation && performance.now() - start < 10) {
        const box = boxes[next];
        box.setAttribute("data-hs-ready", "");
        box.classList.add("hs-js");
        page.items[next].build();
        meta(box, `${box.classList.contains("hs-quiz") ? "Question" : "Task"} ${next + 1} of ${boxes.length}`);
        page.items[next].render();
        next += 1;
      }
      if (next < boxes.length && mine === generation) setTimeout(build);
    };
    build();
  }

  function meta(box, title) {
    const line = make("p", "hs-meta");
    line.append(make("span", "", title));
    const level = box.getAttribute("data-difficulty");
    if (level) {
      const badge = make("span", `hs-badge hs-badge--${level}`);
      badge.append(make("span", "hs-sr", "Difficulty: "), level);
      line.append(badge);
    }
    box.prepend(line);
  }

  /* ---- multiple choice: options become buttons ---- */

  function choice(box, page) {
    const key = box.getAttribute("data-key").trim();
    const picked = () => (page.answers[box.id] || {}).picked || [];
    let render = () => {}; // until built: the state lives in page.answers
    const build = () => {
      render = buildChoice(box, page, key, picked);
    };
    return {
      build,
      render: () => render(),
      answered: () => picked().length > 0,
      correct: () => picked()[0] === key,
    };
  }

  function buildChoice(box, page, key, picked) {
    const list = child(box, "ol");
    const solution = child(box, "details.success");
    const mistakes = child(box, "details.failure");
    const feedback = status("hs-feedback");
    const options = [...(list ? list.children : [])].map((li, index) => {
      const option = button("hs-option");
      option.dataset.letter = LETTERS[index];
      const text = make("span", "hs-text");
      // A loose list wraps each option in <p>: keep the content, drop the paragraph.
      for (const node of [...li.childNodes]) text.append(...(node.nodeName === "P" ? node.childNodes : [node]));
      option.append(make("span", "hs-letter", LETTERS[index]), text, make("span", "hs-mark"));
      li.append(option);
      return option;
    });
    const keyed = options[LETTERS.indexOf(key)];
    if (solution && keyed) {
      const final = make("p", "hs-final");
      final.append(make("strong", "", "Final answer:"), ` ${key} – `, keyed.querySelector(".hs-text").cloneNode(true));
      solution.append(final);
    }
    if (list) {
      list.after(feedback);
      list.addEventListener("click", (event) => {
        const option = event.target.closest(".hs-option");
        if (option) pick(option.dataset.letter);
      });
    }

    function pick(letter) {
      const chosen = picked();
      if (chosen.includes(key) || chosen.includes(letter)) return; // settled, or already tried
      page.answers[box.id] = { picked: [...chosen, letter] };
      render();
      page.changed();
    }

    function render() {
      const chosen = picked();
      const last = chosen[chosen.length - 1];
      for (const option of options) {
        const letter = option.dataset.letter;
        const tried = chosen.includes(letter);
        option.classList.toggle("hs-right", tried && letter === key);
        option.classList.toggle("hs-wrong", tried && letter !== key);
        option.setAttribute("aria-pressed", tried);
        option.lastChild.replaceChildren(
          ...(tried ? [letter === key ? "✓" : "✗", make("span", "hs-word", letter === key ? " right" : " wrong")] : []),
        );
        if (chosen.includes(key)) option.setAttribute("aria-disabled", "true");
        else option.removeAttribute("aria-disabled");
      }
      feedback.textContent = !last
        ? ""
        : last !== key
          ? `${last} is wrong. Try another option, or read the solution below.`
          : chosen.length === 1
            ? `Right: ${key}. The solution is open below.`
            : `Right: ${key}. Your first answer (${chosen[0]}) is the one that counts.`;
      feedback.className = `hs-feedback${last ? (last === key ? " hs-right" : " hs-wrong") : ""}`;
      for (const details of [solution, mistakes]) if (details) details.open = chosen.length > 0;
    }

    return render;
  }

  /* ---- fill in the blanks: each __N__ in the code becomes a select ---- */

  function blanks(box, page) {
    const key = Object.fromEntries(box.getAttribute("data-key").trim().split(/\s+/).map((pair) => pair.split("=")));
    const state = () => page.answers[box.id] || { picks: {}, tries: 0, wrong: [] };
    const done = (s) => s.ok || s.tries >= TRIES;
    let render = () => {};
    const build = () => {
      render = buildBlanks(box, page, key, state, done);
    };
    return { build, render: () => render(), answered: () => done(state()), correct: () => !!state().ok };
  }

  function buildBlanks(box, page, key, state, done) {
    const block = child(box, ".highlight");
    const code = block && block.querySelector("code");
    const table = box.querySelector(":scope > table, :scope > .md-typeset__scrollwrap table");
    const solution = child(box, "details.success");
    const mistakes = child(box, "details.failure");
    const choices = {}; // blank number -> {letter: code}
    for (const row of table ? table.tBodies[0].rows : []) {
      const [number, ...cells] = [...row.cells].map((cell) => cell.textContent.trim());
      choices[number] = {};
      cells.forEach((text, index) => text && (choices[number][LETTERS[index]] = text));
    }

    const selects = [];
    const blankSelect = (number, placeholder) => {
      const select = make("select", "hs-blank");
      select.dataset.blank = number;
      select.setAttribute("aria-label", `Blank ${number}`);
      select.append(new Option(placeholder, ""));
      for (const [letter, text] of Object.entries(choices[number])) select.append(new Option(text, letter));
      selects.push(select);
      return select;
    };
    if (code) {
      // Pygments makes each __N__ one token; walking the text also finds blanks in strings.
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      const found = [];
      while (walker.nextNode()) if (/__\d+__/.test(walker.currentNode.data)) found.push(walker.currentNode);
      for (const node of found) {
        node.replaceWith(
          ...node.data.split(/(__\d+__)/).map((piece) => {
            const number = (/^__(\d+)__$/.exec(piece) || [])[1];
            return choices[number] ? blankSelect(number, piece) : piece;
          }),
        );
      }
    }

    const check = button("hs-button hs-check", "Check");
    const tries = make("span", "hs-tries");
    const feedback = status("hs-feedback");
    const actions = make("div", "hs-actions");
    actions.append(check, tries);
    if (block) block.after(actions, feedback);

    const picks = () => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.dataset.blank, s.value]));

    box.addEventListener("change", (event) => {
      const select = event.target;
      if (!select.matches("select.hs-blank")) return;
      const s = state();
      const wrong = s.wrong.filter((number) => number !== select.dataset.blank);
      page.answers[box.id] = { picks: picks(), tries: s.tries, wrong };
      select.classList.remove("hs-wrong");
      select.removeAttribute("aria-invalid");
      copyText();
      page.changed();
    });

    check.addEventListener("click", () => {
      const s = state();
      if (done(s)) return;
      const chosen = picks();
      if (Object.keys(chosen).length < selects.length) {
        feedback.textContent = "Choose an option for every blank first.";
        return;
      }
      const wrong = selects.map((s) => s.dataset.blank).filter((n) => chosen[n] !== key[n]);
      page.answers[box.id] = { picks: chosen, tries: s.tries + 1, ok: !wrong.length, wrong };
      render();
      page.changed();
    });

    function render() {
      const s = state();
      const finished = done(s);
      const left = TRIES - s.tries;
      for (const select of selects) {
        const number = select.dataset.blank;
        const bad = !finished && s.wrong.includes(number);
        select.value = finished ? key[number] : s.picks[number] || "";
        select.disabled = finished;
        select.classList.toggle("hs-wrong", bad);
        select.classList.toggle("hs-right", finished);
        if (bad) select.setAttribute("aria-invalid", "true");
        else select.removeAttribute("aria-invalid");
      }
      check.disabled = finished;
      tries.textContent = s.ok
        ? `Solved in ${plural(s.tries, "attempt")}`
        : finished
          ? "No attempts left"
          : `${plural(left, "attempt")} left`;
      feedback.textContent = s.ok
        ? "Right! The solution is open below."
        : finished
          ? "Not this time: the correct code is filled in above, and the solution is open below."
          : s.tries
            ? `${plural(s.wrong.length, "blank")} wrong (marked). ${plural(left, "attempt")} left.`
            : "";
      feedback.className = `hs-feedback${s.tries ? (s.ok ? " hs-right" : " hs-wrong") : ""}`;
      if (solution) solution.open = finished;
      if (mistakes) mistakes.open = finished && !s.ok;
      copyText();
    }

    // Material's copy button copies data-copy when present: the code, not the option lists.
    const textOf = (node) =>
      node.nodeType === Node.TEXT_NODE
        ? node.data
        : node.matches("select.hs-blank")
          ? node.value
            ? node.selectedOptions[0].text
            : `__${node.dataset.blank}__`
          : [...node.childNodes].map(textOf).join("");
    const copyText = () => code && code.setAttribute("data-copy", textOf(code));

    return render;
  }

  // Material's instant navigation swaps pages without rerunning scripts and announces each one
  // on document$; without Material, the plain load event does.
  if (window.document$) window.document$.subscribe(setupPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupPage);
  else setupPage();
})();
