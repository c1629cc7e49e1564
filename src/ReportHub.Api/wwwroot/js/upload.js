// Drag and drop for the upload form. Without this script the file picker and the plain form post still work.
(function () {
    "use strict";
    var zone = document.getElementById("dropzone");
    var input = document.getElementById("upload-file");
    var hint = document.getElementById("dropzone-hint");
    var chosen = document.getElementById("upload-file-name");
    var result = document.getElementById("result");

    if (result) {
        // The answer to an upload: take the reader (and the screen reader) straight to it.
        result.focus();
    }
    if (!zone || !input) {
        return;
    }

    function showChosen() {
        if (chosen) {
            chosen.textContent = input.files && input.files.length > 0 ? input.files[0].name : "Chưa chọn tệp nào.";
        }
        if (hint && input.files && input.files.length > 0) {
            hint.textContent = "Đã chọn tệp: " + input.files[0].name + ". Bấm “Gửi báo cáo” để gửi.";
        }
    }

    input.addEventListener("change", showChosen);

    ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (event) {
            event.preventDefault();
            zone.classList.add("dragging");
        });
    });
    ["dragleave", "dragend"].forEach(function (name) {
        zone.addEventListener(name, function () {
            zone.classList.remove("dragging");
        });
    });
    zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("dragging");
        var files = event.dataTransfer && event.dataTransfer.files;
        if (!files || files.length === 0) {
            return;
        }
        if (files.length > 1 && hint) {
            hint.textContent = "Mỗi lần chỉ gửi một tệp; đã lấy tệp đầu tiên.";
        }
        var transfer = new DataTransfer();
        transfer.items.add(files[0]);
        input.files = transfer.files;
        showChosen();
    });
})();
