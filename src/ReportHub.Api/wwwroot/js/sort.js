// Sorts a table by the column whose header button is pressed. Without this script the table is shown in server order.
(function () {
    "use strict";
    var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

    function valueOf(cell) {
        return cell ? (cell.getAttribute("data-sort") || cell.textContent || "").trim() : "";
    }

    function compare(a, b, numeric) {
        if (numeric) {
            var x = parseFloat(a), y = parseFloat(b);
            if (isNaN(x)) { x = -Infinity; }
            if (isNaN(y)) { y = -Infinity; }
            return x - y;
        }
        return collator.compare(a, b);
    }

    document.querySelectorAll("table.sortable").forEach(function (table) {
        var headers = table.querySelectorAll("thead th");
        headers.forEach(function (th, index) {
            var label = th.textContent.trim();
            var button = document.createElement("button");
            button.type = "button";
            button.className = "sort";
            button.textContent = label;
            button.setAttribute("aria-label", "Sắp xếp theo " + label);
            th.textContent = "";
            th.appendChild(button);
            button.addEventListener("click", function () {
                var ascending = th.getAttribute("aria-sort") !== "ascending";
                headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var numeric = th.classList.contains("num");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (r1, r2) {
                    var order = compare(valueOf(r1.cells[index]), valueOf(r2.cells[index]), numeric);
                    return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
            });
        });
    });
})();
