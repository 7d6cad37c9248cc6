(function () {
  var table = document.getElementById('results');
  if (!table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var group = document.getElementById('filter-group');
  var status = document.getElementById('filter-status');
  var text = document.getElementById('filter-text');
  var count = document.getElementById('filter-count');
  function apply() {
    var g = group.value, s = status.value, q = text.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row, i) {
      var visible = (!g || row.getAttribute('data-group') === g)
        && (!s || row.getAttribute('data-status') === s)
        && (!q || texts[i].indexOf(q) !== -1);
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown.toLocaleString('en-US') + ' of ' + rows.length.toLocaleString('en-US') + ' rows shown';
  }
  group.addEventListener('change', apply);
  status.addEventListener('change', apply);
  text.addEventListener('input', apply);
  apply();
})();
