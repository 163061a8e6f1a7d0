// The report's print button (no inline scripts: the CSP forbids them).
document.addEventListener("DOMContentLoaded", function () {
  var b = document.getElementById("sa-print");
  if (b) b.addEventListener("click", function () { window.print(); });
});
