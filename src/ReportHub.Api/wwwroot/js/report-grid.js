// The report grid scrolls inside its own frame to the first flagged cell, so that a cell in column H is in view on a
// phone without the clerk hunting for it; a turned phone or resized window scrolls it again until the clerk scrolls
// the frame themselves. Without this script the frame starts at A1 and each message's link still brings its cell
// into view.
(function () {
    "use strict";
    var frame = document.getElementById("grid-frame");
    var cell = frame && frame.querySelector("td.cell-flagged");
    if (!frame || !cell) {
        return;
    }
    var moved = false;

    function showCell() {
        var head = frame.querySelector("thead");
        var rowHead = frame.querySelector("th.rowhead");
        var frameBox = frame.getBoundingClientRect();
        var cellBox = cell.getBoundingClientRect();
        // Below the sticky column letters and right of the sticky row numbers, with a little room.
        frame.scrollTop = Math.max(0, frame.scrollTop + cellBox.top - frameBox.top - (head ? head.offsetHeight : 0) - 8);
        frame.scrollLeft = Math.max(0, frame.scrollLeft + cellBox.left - frameBox.left - (rowHead ? rowHead.offsetWidth : 0) - 8);
    }

    ["pointerdown", "wheel", "touchstart", "keydown"].forEach(function (name) {
        frame.addEventListener(name, function () { moved = true; }, { passive: true });
    });
    var pending = 0;
    window.addEventListener("resize", function () {
        if (moved) {
            return;
        }
        window.clearTimeout(pending);
        pending = window.setTimeout(showCell, 100);
    });
    showCell();
})();
