// Shows the chosen file's name beside a Vietnamese "Chọn tệp…" button (the native input is hidden, its button being in the browser's language).
(function () {
    "use strict";
    document.querySelectorAll("input.file-input[data-name]").forEach(function (input) {
        var name = document.getElementById(input.getAttribute("data-name"));
        if (!name) {
            return;
        }
        input.addEventListener("change", function () {
            var file = input.files && input.files.length > 0 ? input.files[0] : null;
            name.textContent = !file ? "Chưa chọn tệp nào." : file.size === 0 ? file.name + " — tệp rỗng (0 byte), hãy chọn tệp khác." : file.name;
        });
    });
})();
