/** The judge column's cell: the verdict, and the judge's reply (or error) folded. */
const JUDGE_CELL = `      var verdict = el("td");
      if (row[16] === undefined) verdict.appendChild(el("span", "not judged", "tag"));
      else verdict.appendChild(el("span", row[16] === 1 ? "yes" : row[16] === 0 ? "no" : "error", row[16] < 0 ? "tag bad" : "tag"));
      verdict.setAttribute("data-judge", row[16] === undefined ? "" : String(row[16]));
      if (row[17]) {
        var said = el("details");
        said.appendChild(el("summary", "reply"));
        said.appendChild(el("pre", row[17]));
        verdict.appendChild(said);
      }
      tr.appendChild(verdict);
`;

/**
 * The inline script of a run report: loads the embedded rollouts (plain JSON, or deflate + base64
 * inflated with DecompressionStream), then filters and renders them a page at a time. It writes text
 * only through `textContent`, never markup, so prompts and replies cannot inject anything. With
 * `judge` (a run whose rollouts carry judge verdicts) it adds the judge column and its filter flag;
 * without, the script is the same text as before judge support.
 */
export function rolloutTableScript(options: { judge: boolean }): string {
  const { judge } = options;
  return `(function () {
  "use strict";
  var holder = document.getElementById("rollout-data");
  var body = document.getElementById("rollout-body");
  var status = document.getElementById("rollout-status");
  var filter = document.getElementById("rollout-filter");
  var family = document.getElementById("rollout-family");
  var search = document.getElementById("rollout-search");
  var prev = document.getElementById("rollout-prev");
  var next = document.getElementById("rollout-next");
  var PAGE = 50, LABELS = ["Benign", "Malicious", "Abstain"], GOLD = ["Benign", "Malicious"];
  var FLAG_NAMES = [[1, "wrong"], [2, "missed attack"], [4, "abstained"], [8, "format error"], [16, "request error"], [32, "no label"]${judge ? ', [64, "judge disagrees"]' : ""}];
  var data = null, matches = [], page = 0;

  function load() {
    var text = holder.textContent || "";
    if (holder.getAttribute("data-encoding") === "json") return Promise.resolve(JSON.parse(text));
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot inflate the embedded rollouts (no DecompressionStream)"));
    }
    var binary = atob(text.trim()), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function textCell(text, collapsed) {
    var cell = el("td");
    if (collapsed) {
      var details = el("details");
      details.appendChild(el("summary", text.length > 70 ? text.slice(0, 70) + "\\u2026" : text));
      details.appendChild(el("pre", text));
      cell.appendChild(details);
    } else {
      cell.appendChild(el("pre", text));
    }
    return cell;
  }

  function apply() {
    var mask = Number(filter.value), fam = family.value, needle = search.value.trim().toLowerCase();
    matches = [];
    for (var i = 0; i < data.rows.length; i++) {
      var row = data.rows[i];
      if (mask && !(row[10] & mask)) continue;
      if (fam !== "" && String(row[11]) !== fam) continue;
      if (needle) {
        var hay = (data.prompts[row[13]] + "\\n" + row[14] + "\\n" + row[15] + "\\n" + row[0]${judge ? ' + "\\n" + (row[17] || "")' : ""}).toLowerCase();
        if (hay.indexOf(needle) < 0) continue;
      }
      matches.push(i);
    }
    page = 0;
    render();
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE));
    page = Math.min(Math.max(0, page), pages - 1);
    body.textContent = "";
    var end = Math.min(matches.length, (page + 1) * PAGE);
    for (var m = page * PAGE; m < end; m++) {
      var index = matches[m], row = data.rows[index], tr = el("tr");
      tr.setAttribute("data-index", String(index));
      tr.setAttribute("data-flags", String(row[10]));
      tr.appendChild(el("td", row[0] + (row[1] ? " #" + row[1] : ""), "num"));
      tr.appendChild(el("td", GOLD[row[2]]));
      var parsed = el("td");
      parsed.appendChild(el("span", row[3] < 0 ? "(none)" : LABELS[row[3]], row[3] === row[2] ? "tag good" : row[3] === 2 ? "tag" : "tag bad"));
      parsed.appendChild(el("div", "conf " + row[4]));
      for (var f = 0; f < FLAG_NAMES.length; f++) if (row[10] & FLAG_NAMES[f][0]) parsed.appendChild(el("span", FLAG_NAMES[f][1], "tag bad"));
      tr.appendChild(parsed);
      tr.appendChild(el("td", row[5].toFixed(3) + "\\nacc " + row[6] + " fmt " + row[7] + "\\ncal " + row[8] + " cost " + row[9], "num"));
      tr.lastChild.style.whiteSpace = "pre";
${judge ? JUDGE_CELL : ""}      tr.appendChild(el("td", data.strings[row[11]] + "\\n" + data.strings[row[12]]));
      tr.lastChild.style.whiteSpace = "pre-wrap";
      tr.appendChild(textCell(data.prompts[row[13]], true));
      tr.appendChild(textCell(row[15] ? row[14] + "\\n[" + row[15] + "]" : row[14], false));
      body.appendChild(tr);
    }
    status.textContent = matches.length + " of " + data.rows.length + " rollouts match; page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  load().then(function (value) {
    data = value;
    var seen = {};
    for (var i = 0; i < data.rows.length; i++) seen[data.rows[i][11]] = true;
    Object.keys(seen).sort(function (a, b) { return data.strings[a] < data.strings[b] ? -1 : 1; }).forEach(function (key) {
      var option = el("option", data.strings[key]);
      option.value = key;
      family.appendChild(option);
    });
    var timer = 0;
    filter.addEventListener("change", apply);
    family.addEventListener("change", apply);
    search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 200); });
    prev.addEventListener("click", function () { page--; render(); });
    next.addEventListener("click", function () { page++; render(); });
    document.body.setAttribute("data-rollouts-ready", "true");
    apply();
  }).catch(function (error) {
    status.textContent = "Cannot show the rollouts: " + error.message;
    document.body.setAttribute("data-rollouts-ready", "error");
  });
})();
`;
}
