// Site-wide behaviour that is not the quiz component's (quiz.js).
// Material wraps every table in a box that scrolls sideways when the table is wider than the
// screen (.md-typeset__scrollwrap), but leaves that box out of the keyboard's reach: give it
// a place in the tab order and a name, as WCAG asks of a scrollable region (axe-core rule
// scrollable-region-focusable). document$ announces every page, instant navigation included.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table (scrolls sideways)");
  }
});
