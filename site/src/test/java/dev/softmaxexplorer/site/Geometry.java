package dev.softmaxexplorer.site;

/**
 * A script that lists layout problems of the words on the page, by element geometry: a label,
 * button, heading or hint whose text is wider than its box (clipped), any of them reaching
 * outside the page's width, and two visible children of one control row whose boxes intersect
 * (overlapping). Returns one line per problem, empty when the layout holds.
 */
final class Geometry {
    static final String PROBLEMS = String.join("\n",
            "var problems = [];",
            "var pageWidth = document.documentElement.clientWidth;",
            "function visible(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0"
                    + " && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden], details:not([open]) > p'); }",
            "function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    + " + (e.getAttribute('data-i18n') ? '[' + e.getAttribute('data-i18n') + ']' : ''); }",
            "document.querySelectorAll('label, button, legend, h1, h2, h3, summary, th, .hint, .metric-name, figcaption')"
                    + ".forEach(function (e) {",
            // Text hidden on purpose for the eye but spoken (the skip link, a label a narrow screen
            // leaves to its menu's first option) is clipped to nothing by design.
            "  if (!visible(e) || e.closest('.table-wrap, .skip') || getComputedStyle(e).clipPath !== 'none') { return; }",
            "  if (getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1) {",
            "    problems.push('clipped: ' + name(e) + ' ' + e.scrollWidth + ' > ' + e.clientWidth); }",
            "  var r = e.getBoundingClientRect();",
            "  if (r.left < -1 || r.right > pageWidth + 1) {",
            "    problems.push('outside the page: ' + name(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }",
            "});",
            "document.querySelectorAll('.toolbar, .field-row, .class-head, .class-row, .slider-control, .step-controls,"
                    + " .code-head, .headline, .view-metrics, .check').forEach(function (row) {",
            "  var items = Array.prototype.filter.call(row.children, function (c) {",
            "    return visible(c) && getComputedStyle(c).position !== 'absolute'; });",
            "  for (var i = 0; i < items.length; i++) { for (var j = i + 1; j < items.length; j++) {",
            "    var a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();",
            "    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {",
            "      problems.push('overlap: ' + name(items[i]) + ' and ' + name(items[j])); } } }",
            "});",
            "return problems;");

    private Geometry() {
    }
}
