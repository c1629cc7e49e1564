// Keeps the round dashboard's completeness tiles current: asks the server every few seconds whether they changed
// (If-None-Match with the tag of what is shown; an unchanged round answers 304 with no body) and writes the new
// numbers in place. Without this script the page still shows the numbers as read, with a link to reload.
(function () {
    "use strict";
    var section = document.getElementById("progress");
    if (!section || !window.fetch) { return; }
    var url = section.getAttribute("data-live-url");
    var etag = section.getAttribute("data-etag");
    var interval = parseInt(section.getAttribute("data-live-interval") || "5000", 10);
    var timer = null;
    var clock = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" });

    function set(field, value) {
        var el = section.querySelector("[data-field='" + field + "']");
        if (el && String(value) !== el.textContent) {
            el.textContent = String(value);
            el.classList.add("stat-changed");
        }
    }

    function show(id, visible) {
        var el = document.getElementById(id);
        if (el) { el.hidden = !visible; }
    }

    function apply(t) {
        set("unitsExpected", t.unitsExpected);
        set("unitsReported", t.unitsReported);
        set("unitsOnTime", t.unitsOnTime);
        set("unitsLate", t.unitsLate);
        set("unitsOverdue", t.unitsOverdue);
        set("unitsAwaited", t.unitsMissing - t.unitsOverdue);
        set("unitsRevised", t.unitsRevised);
        show("tile-overdue", t.pastDeadline);
        show("tile-missing", !t.pastDeadline);
        show("tile-revised", t.unitsRevised > 0);
        var time = document.getElementById("live-time");
        if (time) { time.textContent = "Đã cập nhật lúc " + clock.format(new Date()); }
        show("live-notice", true);
        // The charts are drawn from the same rollup: a new address makes the browser fetch them again.
        document.querySelectorAll(".chart img").forEach(function (img) {
            var src = img.getAttribute("src").split("?")[0];
            img.setAttribute("src", src + "?v=" + encodeURIComponent(etag || ""));
        });
    }

    function poll() {
        timer = null;
        var headers = { "Accept": "application/json" };
        if (etag) { headers["If-None-Match"] = etag; }
        fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
            .then(function (response) {
                if (response.status === 200) {
                    etag = response.headers.get("ETag") || etag;
                    return response.json().then(apply);
                }
                return null;
            })
            .catch(function () { /* A dropped connection: try again at the next tick. */ })
            .then(schedule);
    }

    function schedule() {
        if (timer === null && !document.hidden) { timer = window.setTimeout(poll, interval); }
    }

    document.addEventListener("visibilitychange", function () {
        if (document.hidden) {
            if (timer !== null) { window.clearTimeout(timer); timer = null; }
        } else {
            schedule();
        }
    });
    var tilesList = document.getElementById("completeness");
    if (tilesList) { tilesList.setAttribute("aria-live", "polite"); }
    schedule();
})();
